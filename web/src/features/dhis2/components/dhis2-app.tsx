import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { fetchMapping } from '../api/dhis2-api';
import { NS } from './dhis2-i18n';
import { MappingImport } from './mapping-import';
import { MappingLine } from './mapping-line';
import './dhis2.css';

/**
 * The province's link to its DHIS2 instance: for each indicator the data element (and category
 * option combo) it lands in, for each unit its organisation unit. With it, the DHIS2 export uses
 * DHIS2's identifiers; villages are mapped through the CSV file.
 */
export default function Dhis2App({ user, csrfToken }: { user: SessionUser; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [refresh, setRefresh] = useState(0);
  const [message, setMessage] = useState('');
  const mapping = useResource(`dhis2|${language}`, (signal) => fetchMapping({ language, signal }), refresh);
  const done = (text: string) => { setMessage(text); setRefresh((n) => n + 1); };

  if (user.role !== 'province_officer') return <p className="banner" role="alert">{t('provinceOnly')}</p>;
  return (
    <section className="dash-section workbench" aria-labelledby="dhis2-title">
      <h2 id="dhis2-title">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <p className="workbench-result" role="status" aria-live="polite" data-testid="dhis2-result">{message}</p>
      {mapping.error && <p className="banner" role="alert">{t('failed', { message: mapping.error.message })}</p>}
      <MappingImport csrfToken={csrfToken} onImported={done} />
      {mapping.data && (
        <>
          <section className="panel" aria-labelledby="dhis2-indicators">
            <h3 id="dhis2-indicators">{t('indicators')}</h3>
            <ul className="list">
              {mapping.data.indicators.map((line) => (
                <MappingLine key={`${line.code}|${line.updatedAt}`} kind="indicator" code={line.code} name={line.name} uid={line.dataElement}
                  categoryOptionCombo={line.categoryOptionCombo} updatedAt={line.updatedAt} updatedBy={line.updatedBy} csrfToken={csrfToken} onSaved={done} />
              ))}
            </ul>
          </section>
          <section className="panel" aria-labelledby="dhis2-units">
            <h3 id="dhis2-units">{t('units')}</h3>
            <ul className="list">
              {mapping.data.units.map((line) => (
                <MappingLine key={`${line.code}|${line.updatedAt}`} kind="unit" code={line.code} name={line.name} uid={line.orgUnit}
                  updatedAt={line.updatedAt} updatedBy={line.updatedBy} csrfToken={csrfToken} onSaved={done} />
              ))}
            </ul>
          </section>
        </>
      )}
    </section>
  );
}
