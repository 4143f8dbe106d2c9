import { useTranslation } from 'react-i18next';
import { Pill } from '../../../components/ui/pill';
import type { TeamDesk, Tally } from '../api/team-desk-api';
import { NS } from './team-desk-i18n';

/** A phone that has not pulled the village for this long is worth a call. */
const STALE_MS = 24 * 3600 * 1000;

/** Each member's day and week, and when their phone last synced: cards that fit a phone's width. */
export function MemberCards({ desk }: { desk: TeamDesk }) {
  const { t } = useTranslation(NS);
  const tally = (tally: Tally) => t('team.tally', { count: tally.peopleGuided, visits: tally.visits, people: tally.peopleGuided, milestones: tally.milestones });
  const others = desk.others.week.visits + desk.others.week.milestones > 0;
  if (desk.members.length === 0) return <p className="muted">{t('team.noMembers')}</p>;
  return (
    <ul className="list desk-members">
      {desk.members.map((member) => (
        <li key={member.memberId} className="card" data-testid="desk-member" data-user={member.userId ?? ''}>
          <div className="row-top">
            <strong>{member.fullName}</strong>
            {member.isLeader && <Pill tone="ok">{t('team.leader')}</Pill>}
          </div>
          <p className="row-sub" data-testid="desk-day">{t('team.today')}: {tally(member.day)}</p>
          <p className="row-sub">{t('team.week', { from: shortDay(desk.weekFrom) })}: {tally(member.week)}</p>
          <p className="row-sub">{t('team.assigned', { count: member.assignedHouseholds })}</p>
          <LastSync at={member.lastSyncedAt} hasAccount={member.userId !== null} />
        </li>
      ))}
      {others && (
        <li className="card">
          <strong>{t('team.others')}</strong>
          <p className="row-sub">{t('team.today')}: {tally(desk.others.day)}</p>
          <p className="row-sub">{t('team.week', { from: shortDay(desk.weekFrom) })}: {tally(desk.others.week)}</p>
        </li>
      )}
    </ul>
  );
}

function shortDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${date}/${month}`;
}

function LastSync({ at, hasAccount }: { at: string | null; hasAccount: boolean }) {
  const { t, i18n } = useTranslation(NS);
  if (!hasAccount) return <p className="row-sub muted">{t('sync.noAccount')}</p>;
  if (!at) return <p className="row-sub" data-testid="last-sync"><Pill tone="error">{t('sync.never')}</Pill></p>;
  const when = new Date(at);
  const text = when.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit' });
  const stale = Date.now() - when.getTime() > STALE_MS;
  return (
    <p className="row-sub" data-testid="last-sync">
      {t('sync.last', { when: text })} {stale && <Pill tone="error">{t('sync.stale')}</Pill>}
    </p>
  );
}
