import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { myCertificates } from '../api/learning-api';
import { NS } from './learning-i18n';

/** My certificates: the list the certificates work fills (GET /api/me/certificates). */
export function CertificatesView({ csrfToken }: { csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const list = useResource(`certificates:${i18n.language}`, (signal) => myCertificates({ language: i18n.language, csrfToken, signal }));
  if (list.error) return <p className="field-error" role="alert">{list.error.message}</p>;
  if (!list.data) return <p className="muted" role="status">{t('loading')}</p>;
  return (
    <div className="stack" data-testid="certificates">
      <h2>{t('nav.certificates')}</h2>
      {list.data.items.length === 0 ? <p className="muted">{t('certificatesEmpty')}</p> : (
        <ul className="learn-list">
          {list.data.items.map((c) => <li key={c.code} className="learn-card">{c.title ?? c.code} · {c.issuedOn}</li>)}
        </ul>
      )}
    </div>
  );
}
