import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { TextField } from '../../../components/ui/text-field';
import { findCertificate, revokeCertificate, type Certificate } from '../api/learning-admin-api';
import { NS } from './learning-admin-i18n';

/** Finds a certificate of the officer's units by its check code and revokes it with the reason anyone checking it will read. */
export function CertificateRevoke({ unit, csrfToken }: { unit: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const [code, setCode] = useState('');
  const [found, setFound] = useState<Certificate | null | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [notice, setNotice] = useState('');

  const search = async (event: FormEvent) => {
    event.preventDefault();
    setNotice('');
    setErrors({ fields: {} });
    if (!code.trim()) return setErrors({ fields: { code: t('certificates.codeRequired') } });
    try {
      const { items } = await findCertificate(unit, code.trim(), { language });
      setFound(items[0] ?? null);
      if (!items[0]) setErrors({ fields: { code: t('certificates.notFound') } });
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => (path === 'code' ? 'code' : undefined)));
    }
  };
  const revoke = async (event: FormEvent) => {
    event.preventDefault();
    if (!found) return;
    if (reason.trim().length < 3) return setErrors({ fields: { reason: t('certificates.reasonRequired') } });
    try {
      setFound(await revokeCertificate(found.code, reason.trim(), { language, csrfToken }));
      setNotice(t('certificates.revoked'));
      setReason('');
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => (path === 'reason' ? 'reason' : undefined)));
    }
  };

  return (
    <div className="stack">
      <form className="panel stack" onSubmit={(event) => void search(event)} noValidate aria-labelledby="cert-find-title">
        <h3 id="cert-find-title">{t('certificates.title')}</h3>
        <p className="muted">{t('certificates.help')}</p>
        <div className="row">
          <TextField label={t('certificates.code')} value={code} autoComplete="off" onChange={(e) => setCode(e.target.value)} error={errors.fields.code} />
          <button type="submit" className="btn">{t('certificates.find')}</button>
        </div>
      </form>
      {found && (
        <section className="panel stack" data-testid="certificate-found" aria-labelledby="cert-found-title">
          <h3 id="cert-found-title">{found.code}</h3>
          <p>{t('certificates.line', { name: found.holderName, day: found.achievedOn, unit: found.unitCode })}</p>
          {found.revokedAt
            ? <p className="error-text">{t('certificates.isRevoked', { reason: found.revokedReason ?? '' })}</p>
            : (
              <form className="stack" onSubmit={(event) => void revoke(event)} noValidate>
                <TextField label={t('certificates.reason')} hint={t('certificates.reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} error={errors.fields.reason} />
                <p><button type="submit" className="btn btn-danger">{t('certificates.revoke')}</button></p>
              </form>
            )}
        </section>
      )}
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      {notice && <p role="status">{notice}</p>}
    </div>
  );
}
