import { useTranslation } from 'react-i18next';
import { navigate } from '../../../lib/navigation';
import type { HouseholdView } from '../../../lib/village-view';
import type { DeskMember } from '../api/team-desk-api';
import { NS } from './team-desk-i18n';

/** The whole village's doors to come back to, the longest waiting first, with who goes there. */
export function ComeBackList({ households, members, assignments }: {
  households: readonly HouseholdView[];
  members: readonly DeskMember[];
  assignments: readonly { householdId: string; userId: string }[];
}) {
  const { t, i18n } = useTranslation(NS);
  const names = new Map(members.flatMap((m) => (m.userId ? [[m.userId, m.fullName] as const] : [])));
  const assignee = new Map(assignments.map((a) => [a.householdId, names.get(a.userId)]));
  const list = households.filter((h) => h.coverage === 'come_back' && h.status !== 'gone')
    .sort((a, b) => (a.lastTriedAt ?? '').localeCompare(b.lastTriedAt ?? ''));
  if (list.length === 0) return <p className="muted" data-testid="desk-come-back-empty">{t('comeBack.empty')}</p>;
  const dayOf = (at: string | null | undefined) => (at
    ? new Date(at).toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit' })
    : '');
  return (
    <ul className="list">
      {list.map((h) => (
        <li key={h.id}>
          <button type="button" className="row-button" data-testid="desk-come-back" onClick={() => navigate(`/household/${h.id}`)}>
            <strong>{h.label}</strong>
            <span className="row-sub">
              {t('households.lastTry', { ns: 'translation', day: dayOf(h.lastTriedAt), reason: t(`outcome.${h.lastOutcome ?? 'not_home'}`, { ns: 'translation', defaultValue: h.lastOutcome ?? '' }) })}
            </span>
            <span className="row-sub">{assignee.get(h.id) ? t('comeBack.goes', { name: assignee.get(h.id) }) : t('comeBack.nobody')}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
