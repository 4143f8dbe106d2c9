import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../lib/session';
import { AlertsPanel } from './alerts-panel';
import { AuditPanel } from './audit-panel';
import { ConflictsPanel } from './conflicts-panel';
import { NS } from './supervision-i18n';

const PARTS = ['alerts', 'conflicts', 'audit'] as const;

/** Supervision of the officer's subtree: /supervision (alerts), /supervision/conflicts, /supervision/audit. */
export default function SupervisionApp({ user, csrfToken, path }: { user: SessionUser; csrfToken: string; path: string }) {
  const { t } = useTranslation(NS);
  const part = (PARTS as readonly string[]).includes(path.split('/')[2] ?? '') ? path.split('/')[2]! : 'alerts';
  const unit = user.scopeUnitCode;
  return (
    <section className="dash-section workbench" aria-labelledby="supervision-title">
      <h2 id="supervision-title">{t('title')}</h2>
      <nav className="workbench-actions" aria-label={t('tabs')}>
        {PARTS.map((name) => (
          <a key={name} className="btn btn-quiet btn-small" href={`#/supervision/${name}`} aria-current={part === name ? 'page' : undefined}>{t(`${name}.title`)}</a>
        ))}
      </nav>
      {part === 'alerts' && unit && <AlertsPanel unitCode={unit} csrfToken={csrfToken} />}
      {part === 'conflicts' && unit && <ConflictsPanel unitCode={unit} csrfToken={csrfToken} />}
      {part === 'audit' && <AuditPanel />}
    </section>
  );
}
