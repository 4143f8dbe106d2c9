import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../../lib/navigation';
import type { SessionUser } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { fetchChanges, fetchChildren, fetchIndicators, fetchMilestoneKinds, fetchTargets, fetchUnit } from '../api/targets-api';
import { formulaInWords } from './formula';
import { TargetForm } from './target-form';
import { NS } from './targets-i18n';

interface TargetsProps {
  user: SessionUser;
  csrfToken: string;
  /** /targets or /targets/<unit>. */
  path: string;
}

/** The province's plan: each indicator in words, the targets of a unit with their deadlines, and what changed in them. */
export default function TargetsApp({ user, csrfToken, path }: TargetsProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const pickId = useId();
  const scope = user.scopeUnitCode ?? '';
  const unitCode = decodeURIComponent(path.split('/')[2] ?? '') || scope;
  const [refresh, setRefresh] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const canEdit = user.role === 'province_officer';

  const plan = useResource(`plan|${language}`, async (signal) => {
    const [indicators, kinds] = await Promise.all([fetchIndicators({ language, signal }), fetchMilestoneKinds({ language, signal })]);
    return { indicators, milestones: new Map(kinds.map((k) => [k.code, k.name])) };
  });
  const units = useResource(scope ? `units|${scope}|${language}` : null, async (signal) => {
    const [own, children] = await Promise.all([fetchUnit(scope, { language, signal }), fetchChildren(scope, { language, signal })]);
    return [own, ...children];
  });
  const targets = useResource(unitCode ? `targets|${unitCode}|${language}` : null, (signal) => fetchTargets(unitCode, { language, signal }), refresh);
  const changes = useResource(unitCode ? `changes|${unitCode}|${language}` : null, (signal) => fetchChanges(unitCode, { language, signal }), refresh);
  const saved = (message: string) => { setAnnouncement(message); setRefresh((n) => n + 1); };
  const unitName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;
  const indicatorName = (code: string) => plan.data?.indicators.find((i) => i.code === code)?.name ?? code;
  const when = (iso: string) => new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
  const number = (n: number | null) => (n === null ? '—' : new Intl.NumberFormat(language === 'vi' ? 'vi-VN' : 'en-GB').format(n));

  if (plan.error?.status === 401) return <p className="banner" role="alert">{t('sessionEnded')} <a href="#/login">{t('signInAgain')}</a></p>;
  return (
    <section className="dash-section workbench" aria-labelledby="targets-title">
      <h2 id="targets-title">{t('title')}</h2>
      <p className="muted">{t(canEdit ? 'introProvince' : 'intro')}</p>
      {units.data && (
        <div className="field">
          <label htmlFor={pickId}>{t('unit')}</label>
          <select id={pickId} value={unitCode} onChange={(e) => navigate(`/targets/${encodeURIComponent(e.target.value)}`, { replace: true })}>
            {units.data.map((u) => <option key={u.code} value={u.code}>{u.name}</option>)}
          </select>
        </div>
      )}
      <p className="workbench-result" role="status" aria-live="polite" data-testid="targets-result">{announcement}</p>
      {(plan.error ?? targets.error) && <p className="banner" role="alert">{(plan.error ?? targets.error)!.message}</p>}
      {plan.data && targets.data && (
        <ul className="list">
          {plan.data.indicators.map((indicator) => {
            const own = targets.data!.find((x) => x.indicatorCode === indicator.code && x.unitCode === unitCode);
            return (
              <li key={`${indicator.code}|${unitCode}|${refresh}`} className="card" data-testid="indicator" data-code={indicator.code}>
                <strong>{indicator.name}</strong>
                <span data-testid="formula">{formulaInWords(indicator, t, plan.data!.milestones)}</span>
                {indicator.explanation && <span className="muted">{indicator.explanation}</span>}
                <span data-testid="target">{own
                  ? t('target', { value: number(own.targetValue), unit: indicator.percent ? '%' : indicator.unitLabel, deadline: own.deadline })
                  : t('noTarget')}</span>
                {canEdit && <TargetForm indicator={indicator} unitCode={unitCode} current={own} csrfToken={csrfToken} onSaved={saved} />}
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="changes-title">
        <h3 id="changes-title">{t('changes.title')}</h3>
        {changes.data?.length === 0 && <p className="muted">{t('changes.none')}</p>}
        {changes.data && changes.data.length > 0 && (
          <div className="table-scroll">
            <table className="workbench-table audit-table" data-testid="target-changes">
              <thead><tr>
                <th scope="col">{t('changes.when')}</th><th scope="col">{t('changes.who')}</th><th scope="col">{t('changes.indicator')}</th>
                <th scope="col">{t('unit')}</th><th scope="col">{t('changes.before')}</th><th scope="col">{t('changes.after')}</th>
              </tr></thead>
              <tbody>
                {changes.data.map((c) => (
                  <tr key={c.id} data-testid="target-change">
                    <td>{when(c.changedAt)}</td>
                    <td>{c.changedByName ?? t('changes.plan')}</td>
                    <td>{indicatorName(c.indicatorCode)}</td>
                    <td>{unitName(c.unitCode)}</td>
                    <td>{c.previousValue === null ? '—' : t('changes.value', { value: number(c.previousValue), deadline: c.previousDeadline })}</td>
                    <td>{c.action === 'remove' ? t('changes.removed') : t('changes.value', { value: number(c.targetValue), deadline: c.deadline })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
