import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../lib/navigation';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { fetchUnit, type Unit } from '../api/units-api';
import { MergeForm } from './merge-form';
import { MoveForm, RenameForm } from './rename-move-forms';
import { SplitForm } from './split-form';
import { UnitImports } from './unit-imports';
import { UnitSearch } from './unit-search';
import { UnitTree } from './unit-tree';
import { NS } from './units-i18n';
import './units.css';

interface UnitsProps {
  user: SessionUser;
  csrfToken: string;
  /** /units or /units/<code>: the chosen unit is in the address, so a reload keeps it. */
  path: string;
}

const OPERATIONS = ['rename', 'move', 'merge', 'split'] as const;
type OperationKind = (typeof OPERATIONS)[number];

/** The administrative tree of the officer's scope; the province reorganises it and imports the official lists. */
export default function UnitsApp({ user, csrfToken, path }: UnitsProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const root = user.scopeUnitCode ?? '';
  const chosen = decodeURIComponent(path.split('/')[2] ?? '') || null;
  const [kind, setKind] = useState<OperationKind>('rename');
  const [version, setVersion] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const canReorganise = user.role === 'province_officer';

  const rootUnit = useResource(root ? `unit|${root}|${language}|${version}` : null, (signal) => fetchUnit(root, { language, signal }));
  const selected = useResource(chosen ? `unit|${chosen}|${language}|${version}` : null, (signal) => fetchUnit(chosen!, { language, signal }));
  const select = (unit: { code: string }) => navigate(`/units/${encodeURIComponent(unit.code)}`, { replace: true });

  const done = (units: Unit[], message: string) => {
    setAnnouncement(message);
    setVersion((n) => n + 1);
    if (units[0]) select(units[0]);
  };

  if (rootUnit.error?.status === 401) return <p className="banner" role="alert">{t('sessionEnded')} <a href="#/login">{t('signInAgain')}</a></p>;
  if (!root) return <section className="dash-section workbench"><h2>{t('title')}</h2><p className="muted">{t('noScope')}</p></section>;
  const unit = selected.data;
  return (
    <section className="dash-section workbench units-screen" aria-labelledby="units-title">
      <h2 id="units-title">{t('title')}</h2>
      <p className="muted">{t(canReorganise ? 'introProvince' : 'intro')}</p>
      <p className="workbench-result" role="status" aria-live="polite" data-testid="units-result">{announcement}</p>
      <UnitSearch root={root} label={t('search.label')} onPick={select} testId="units-search" />
      <div className="units-layout">
        <div>{rootUnit.data && <UnitTree key={version} root={rootUnit.data} selected={chosen} onSelect={select} />}</div>
        <div>
          {selected.error && <p className="banner" role="alert">{selected.error.message}</p>}
          {unit && (
            <section className="card" aria-labelledby="unit-title" data-testid="unit-detail" data-code={unit.code}>
              <h3 id="unit-title">{unit.name}</h3>
              <dl className="unit-facts">
                <dt>{t('facts.code')}</dt><dd>{unit.code}</dd>
                <dt>{t('facts.type')}</dt><dd>{unit.type}</dd>
                <dt>{t('facts.validFrom')}</dt><dd>{unit.validFrom}</dd>
                {unit.validTo && <><dt>{t('facts.validTo')}</dt><dd>{unit.validTo}{unit.successorCode ? ` → ${unit.successorCode}` : ''}</dd></>}
              </dl>
              <a href={`#/dashboard/${encodeURIComponent(unit.code)}`}>{t('facts.dashboard')}</a>
              {canReorganise && unit.validTo === null && (
                <>
                  <fieldset className="operation-choice">
                    <legend>{t('op.choose')}</legend>
                    {OPERATIONS.filter((op) => unit.tier !== 'province' || op === 'rename').map((op) => (
                      <label key={op} className="choice"><input type="radio" name="unit-operation" value={op} checked={kind === op} onChange={() => setKind(op)} />{t(`op.${op}`)}</label>
                    ))}
                  </fieldset>
                  {kind === 'rename' && <RenameForm key={`r${unit.code}${version}`} unit={unit} root={root} csrfToken={csrfToken} onDone={done} />}
                  {kind === 'move' && unit.tier !== 'province' && <MoveForm key={`m${unit.code}${version}`} unit={unit} root={root} csrfToken={csrfToken} onDone={done} />}
                  {kind === 'merge' && unit.tier !== 'province' && <MergeForm key={`g${unit.code}${version}`} unit={unit} root={root} csrfToken={csrfToken} onDone={done} />}
                  {kind === 'split' && unit.tier !== 'province' && <SplitForm key={`s${unit.code}${version}`} unit={unit} csrfToken={csrfToken} onDone={done} />}
                </>
              )}
            </section>
          )}
          {!chosen && <p className="muted">{t('pickOne')}</p>}
        </div>
      </div>
      <UnitImports csrfToken={csrfToken} canImportList={canReorganise} onImported={() => setVersion((n) => n + 1)} />
    </section>
  );
}
