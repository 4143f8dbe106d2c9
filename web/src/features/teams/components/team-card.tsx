import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { vietnamDay } from '../../../lib/time';
import { useResource } from '../../../lib/use-resource';
import { addMember, AFFILIATIONS, endMember, fetchTeam, moveMember, setLeader, type Affiliation, type TeamListItem, type TeamMember } from '../api/teams-api';
import { NS } from './teams-i18n';

interface TeamCardProps {
  team: TeamListItem;
  unitName: string;
  /** The commune's other teams, where a member can move to. */
  others: readonly TeamListItem[];
  csrfToken: string;
  onChanged: (message: string) => void;
}

/** One village team: its leader and members, with add, end, move and a new leader. */
export function TeamCard({ team, unitName, others, csrfToken, onChanged }: TeamCardProps) {
  const { t, i18n } = useTranslation(NS);
  const [open, setOpen] = useState(false);
  const [refresh, setRefresh] = useState(0);
  const [failure, setFailure] = useState('');
  const detail = useResource(open ? `team|${team.id}|${i18n.language}` : null, (signal) => fetchTeam(team.id, { language: i18n.language, signal }), refresh);
  const write = { language: i18n.language, csrfToken };
  const changed = (message: string) => { setFailure(''); setRefresh((n) => n + 1); onChanged(message); };
  const attempt = async (work: () => Promise<unknown>, message: string) => {
    try {
      await work();
      changed(message);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };

  // One request: the member leaves this team and joins the other today, both or neither.
  const move = (member: TeamMember, to: string) => attempt(() => moveMember(team.id, member.id, to, vietnamDay(), write), t('team.moved', { name: member.fullName }));

  const active = detail.data?.members.filter((m) => m.active) ?? [];
  return (
    <li className="card" data-testid="team" data-unit={team.unitCode}>
      <div className="row-top">
        <strong>{team.name}</strong>
        <span className="muted">{unitName}</span>
      </div>
      <span>{t('team.summary', { count: team.activeMembers, members: team.activeMembers, leader: team.leaderName ?? t('team.noLeader') })}</span>
      <button type="button" className="btn btn-secondary btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>{t(open ? 'team.hide' : 'team.show')}</button>
      {failure && <p className="error-text" role="alert">{failure}</p>}
      {open && detail.data && (
        <>
          <table className="workbench-table" data-testid="team-members">
            <caption>{t('team.members')}</caption>
            <thead><tr><th scope="col">{t('fullName')}</th><th scope="col">{t('affiliation')}</th><th scope="col">{t('team.since')}</th><th scope="col">{t('team.actions')}</th></tr></thead>
            <tbody>
              {active.map((m) => (
                <tr key={m.id} data-testid="member" data-name={m.fullName}>
                  <td>{m.fullName}{m.id === detail.data!.leaderId ? ` (${t('role.leader')})` : ''}</td>
                  <td>{t(`affiliationName.${m.affiliation}`)}</td>
                  <td>{m.joinedOn}</td>
                  <td className="workbench-actions">
                    {m.id !== detail.data!.leaderId && (
                      <>
                        <button type="button" className="btn btn-secondary btn-small" onClick={() => void attempt(() => setLeader(team.id, m.id, vietnamDay(), write), t('team.leaderSet', { name: m.fullName }))}>{t('team.makeLeader')}</button>
                        <button type="button" className="btn btn-secondary btn-small" onClick={() => void attempt(() => endMember(team.id, m.id, vietnamDay(), write), t('team.ended', { name: m.fullName }))}>{t('team.end')}</button>
                        {others.length > 0 && (
                          <select aria-label={t('team.moveTo', { name: m.fullName })} value="" onChange={(e) => { if (e.target.value) void move(m, e.target.value); }}>
                            <option value="">{t('team.moveTo', { name: m.fullName })}</option>
                            {others.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                          </select>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <AddMemberForm teamId={team.id} hasLeader={detail.data.leaderId !== null} csrfToken={csrfToken} onAdded={(name) => changed(t('team.added', { name }))} />
        </>
      )}
    </li>
  );
}

const FIELDS: Record<string, string> = { fullName: 'fullName', affiliation: 'affiliation', phone: 'phone', role: 'role', joinedOn: 'joinedOn' };

function AddMemberForm({ teamId, hasLeader, csrfToken, onAdded }: { teamId: string; hasLeader: boolean; csrfToken: string; onAdded: (name: string) => void }) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [name, setName] = useState('');
  const [affiliation, setAffiliation] = useState<Affiliation>('youth_union');
  const [phone, setPhone] = useState('');
  const [leader, setLeaderRole] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setErrors({ fields: { fullName: t('team.nameRequired') } });
    setBusy(true);
    try {
      await addMember(teamId, { fullName: name.trim(), affiliation, role: leader ? 'leader' : 'member', phone: phone.trim() || null, joinedOn: vietnamDay() },
        { language: i18n.language, csrfToken });
      setErrors({ fields: {} });
      setName('');
      setPhone('');
      onAdded(name.trim());
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => FIELDS[path]));
    } finally {
      setBusy(false);
    }
  };
  const err = (field: string) => errors.fields[field] && <p id={`${id}-${field}-error`} className="field-error" role="alert">{errors.fields[field]}</p>;
  const aria = (field: string) => (errors.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {});
  return (
    <form className="workbench-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('team.addTitle')}>
      <h4>{t('team.addTitle')}</h4>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <div className="workbench-filters">
        <div className="field"><label htmlFor={`${id}-name`}>{t('fullName')}</label>
          <input id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} {...aria('fullName')} />{err('fullName')}</div>
        <div className="field"><label htmlFor={`${id}-aff`}>{t('affiliation')}</label>
          <select id={`${id}-aff`} value={affiliation} onChange={(e) => setAffiliation(e.target.value as Affiliation)}>
            {AFFILIATIONS.map((a) => <option key={a} value={a}>{t(`affiliationName.${a}`)}</option>)}
          </select></div>
        <div className="field"><label htmlFor={`${id}-phone`}>{t('phone')}</label>
          <input id={`${id}-phone`} type="tel" inputMode="tel" value={phone} maxLength={20} onChange={(e) => setPhone(e.target.value)} {...aria('phone')} />{err('phone')}</div>
      </div>
      {!hasLeader && (
        <label className="choice"><input type="checkbox" checked={leader} onChange={(e) => setLeaderRole(e.target.checked)} />{t('team.asLeader')}</label>
      )}
      <div className="workbench-actions"><button type="submit" className="btn btn-primary" disabled={busy}>{t('team.add')}</button></div>
    </form>
  );
}
