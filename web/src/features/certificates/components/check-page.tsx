import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { navigate } from '../../../lib/navigation';
import { useResource } from '../../../lib/use-resource';
import { checkCertificate, displayCode } from '../api/certificates-api';
import { NS } from './certificates-i18n';
import './certificates.css';

const CODE = /^[A-HJ-NP-Z2-9]{10}$/;
const normalise = (value: string) => value.toUpperCase().replace(/[\s-]/g, '');

interface CheckPageProps {
  /** The hash path: /check or /check/<code> (what the QR code on the paper opens). */
  path: string;
  actions?: ReactNode;
}

/**
 * The public certificate check, no login, light enough for any phone: type or scan the code,
 * read valid / revoked with the reason / unknown, and compare the name and date with the paper.
 */
export default function CheckPage({ path, actions }: CheckPageProps) {
  const { t, i18n } = useTranslation(NS);
  const code = normalise(decodeURIComponent(path.split('/')[2] ?? ''));
  const [typed, setTyped] = useState(code ? displayCode(code) : '');
  const [error, setError] = useState<string>();
  const result = useResource(code ? `${code}/${i18n.language}` : null, (signal) => checkCertificate(code, i18n.language, signal));

  useEffect(() => {
    document.title = `${t('checkTitle')} · Doorstep`;
    return () => {
      document.title = 'Doorstep';
    };
  }, [t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = normalise(typed);
    if (!CODE.test(value)) return setError(t('codeInvalid'));
    setError(undefined);
    navigate(`/check/${displayCode(value)}`);
  };

  const answer = result.data;
  return (
    <div className="app certificate-check">
      <header className="topbar">
        <strong>Doorstep</strong>
        <nav className="topbar-actions">{actions}<a className="btn btn-quiet" href="#/">{t('openApp')}</a></nav>
      </header>
      <main>
        <h1>{t('checkTitle')}</h1>
        <p className="muted">{t('checkIntro')}</p>
        <form onSubmit={submit} noValidate>
          <TextField label={t('codeLabel')} hint={t('codeHint')} error={error} value={typed} autoCapitalize="characters" autoComplete="off"
            spellCheck={false} maxLength={14} onChange={(e) => setTyped(e.target.value)} data-testid="check-code" />
          <Button type="submit">{t('check')}</Button>
        </form>
        {result.loading && <p role="status" className="muted">{t('checking')}</p>}
        {result.error && <p role="alert" className="field-error">{t('failed', { message: result.error.message })}</p>}
        {answer && (
          <section className={`check-result check-${answer.status}`} aria-live="polite" data-testid="check-result" data-status={answer.status}>
            <h2>{t(answer.status)}</h2>
            {answer.status === 'unknown' ? <p>{t('unknownHelp')}</p> : (
              <>
                <dl>
                  <dt>{t('holder')}</dt><dd>{answer.holderName}</dd>
                  <dt>{t('skills')}</dt><dd><ul>{answer.skills?.map((s) => <li key={s}>{s}</li>)}</ul></dd>
                  <dt>{t('achievedOn')}</dt><dd>{answer.achievedOn && new Date(`${answer.achievedOn}T00:00:00`).toLocaleDateString(i18n.language)}</dd>
                  <dt>{t('unit')}</dt><dd>{answer.unitName}</dd>
                  {answer.status === 'revoked' && (
                    <>
                      <dt>{t('revokedOn')}</dt><dd>{answer.revokedOn && new Date(answer.revokedOn).toLocaleDateString(i18n.language)}</dd>
                      <dt>{t('reason')}</dt><dd>{answer.revokedReason}</dd>
                    </>
                  )}
                </dl>
                <p className="muted">{t('compare')}</p>
              </>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
