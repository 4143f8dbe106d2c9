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
          {list.data.items.map((c) => {
            const code = `${c.code.slice(0, 5)}-${c.code.slice(5)}`;
            return (
              <li key={c.code} className="learn-card stack" data-testid="certificate">
                <strong>{c.holderName}</strong>
                <span className="muted">{t('certificateCode', { code })} · {new Date(`${c.achievedOn}T00:00:00`).toLocaleDateString(i18n.language)}</span>
                {c.revokedAt && <span className="field-error">{t('certificateRevoked', { reason: c.revokedReason ?? '' })}</span>}
                <a className="btn" href={`/api/me/certificates/${c.code}/pdf`} download>{t('certificatePdf')}</a>
                <a className="btn btn-quiet" href={`/api/me/certificates/${c.code}/credential`} download>{t('certificateCredential')}</a>
                <a className="btn btn-quiet" href={`#/check/${code}`}>{t('certificateCheckLink')}</a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
