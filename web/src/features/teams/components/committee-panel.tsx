import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, type FormErrors } from '../../../lib/form-errors';
import { useResource } from '../../../lib/use-resource';
import { COMMITTEE_ROLES, fetchCommittee, saveCommittee, type CommitteeMember, type CommitteeRole } from '../api/teams-api';
import { NS } from './teams-i18n';

/** The commune's steering committee: its decision and members, replaced whole by a new decision. */
export function CommitteePanel({ unitCode, csrfToken }: { unitCode: string; csrfToken: string }) {
  const { t, i18n } = useTranslation(NS);
  const [refresh, setRefresh] = useState(0);
  const [editing, setEditing] = useState(false);
  const committee = useResource(`committee|${unitCode}|${i18n.language}`, (signal) => fetchCommittee(unitCode, { language: i18n.language, signal }), refresh);

  return (
    <section className="card" aria-labelledby="committee-title" data-testid="committee">
      <h3 id="committee-title">{t('committee.title')}</h3>
      {committee.error && <p className="banner" role="alert">{committee.error.message}</p>}
      {committee.data === null && <p className="muted">{t('committee.none')}</p>}
      {committee.data && (
        <>
          <p>{t('committee.decision', { number: committee.data.decisionNumber, date: committee.data.decisionDate })}</p>
          {committee.data.inheritedFrom && <p className="muted">{t('committee.inherited', { code: committee.data.inheritedFrom })}</p>}
          <ol data-testid="committee-members">
            {committee.data.members.map((m) => <li key={m.id}>{m.fullName} — {m.position} ({t(`committeeRole.${m.committeeRole}`)})</li>)}
          </ol>
        </>
      )}
      {!editing && committee.data !== undefined && (
        <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)}>{t(committee.data ? 'committee.newDecision' : 'committee.record')}</button>
      )}
      {editing && (
        <CommitteeForm unitCode={unitCode} csrfToken={csrfToken} initial={committee.data?.members ?? []}
          onSaved={() => { setEditing(false); setRefresh((n) => n + 1); }} onCancel={() => setEditing(false)} />
      )}
    </section>
  );
}

function CommitteeForm({ unitCode, csrfToken, initial, onSaved, onCancel }: {
  unitCode: string; csrfToken: string; initial: CommitteeMember[]; onSaved: () => void; onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [number, setNumber] = useState('');
  const [date, setDate] = useState('');
  const [members, setMembers] = useState<CommitteeMember[]>(initial.length > 0 ? initial.map(({ fullName, position, committeeRole }) => ({ fullName, position, committeeRole }))
    : [{ fullName: '', position: '', committeeRole: 'chair' }]);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const setRow = (i: number, patch: Partial<CommitteeMember>) => setMembers(members.map((m, j) => (j === i ? { ...m, ...patch } : m)));

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!number.trim()) fields.decisionNumber = t('committee.numberRequired');
    if (!date) fields.decisionDate = t('committee.dateRequired');
    members.forEach((m, i) => { if (!m.fullName.trim() || !m.position.trim()) fields[`members.${i}`] = t('committee.memberIncomplete'); });
    if (Object.keys(fields).length > 0) return setErrors({ fields });
    setBusy(true);
    try {
      await saveCommittee(unitCode, { decisionNumber: number.trim(), decisionDate: date, members: members.map((m) => ({ ...m, fullName: m.fullName.trim(), position: m.position.trim() })) },
        { language: i18n.language, csrfToken });
      onSaved();
    } catch (error) {
      setErrors(formErrorsOf(error, (path) => {
        const row = /^members\[(\d+)\]/.exec(path);
        return row ? `members.${row[1]}` : path === 'decisionNumber' || path === 'decisionDate' ? path : undefined;
      }));
    } finally {
      setBusy(false);
    }
  };
  const err = (field: string) => errors.fields[field] && <p id={`${id}-${field}-error`} className="field-error" role="alert">{errors.fields[field]}</p>;
  const aria = (field: string) => (errors.fields[field] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {});

  return (
    <form className="workbench-form" onSubmit={(e) => void submit(e)} noValidate aria-label={t('committee.formTitle')}>
      {errors.general && <p className="error-text" role="alert">{errors.general}</p>}
      <div className="workbench-filters">
        <div className="field"><label htmlFor={`${id}-n`}>{t('committee.number')}</label>
          <input id={`${id}-n`} value={number} maxLength={100} onChange={(e) => setNumber(e.target.value)} {...aria('decisionNumber')} />{err('decisionNumber')}</div>
        <div className="field"><label htmlFor={`${id}-d`}>{t('committee.date')}</label>
          <input id={`${id}-d`} type="date" value={date} onChange={(e) => setDate(e.target.value)} {...aria('decisionDate')} />{err('decisionDate')}</div>
      </div>
      <fieldset>
        <legend>{t('committee.members')}</legend>
        {members.map((m, i) => (
          <div key={i} className="workbench-filters" role="group" aria-label={t('committee.memberN', { n: i + 1 })}>
            <div className="field"><label htmlFor={`${id}-${i}-name`}>{t('fullName')}</label>
              <input id={`${id}-${i}-name`} value={m.fullName} maxLength={200} onChange={(e) => setRow(i, { fullName: e.target.value })} {...aria(`members.${i}`)} /></div>
            <div className="field"><label htmlFor={`${id}-${i}-pos`}>{t('committee.position')}</label>
              <input id={`${id}-${i}-pos`} value={m.position} maxLength={200} onChange={(e) => setRow(i, { position: e.target.value })} /></div>
            <div className="field"><label htmlFor={`${id}-${i}-role`}>{t('committee.role')}</label>
              <select id={`${id}-${i}-role`} value={m.committeeRole} onChange={(e) => setRow(i, { committeeRole: e.target.value as CommitteeRole })}>
                {COMMITTEE_ROLES.map((r) => <option key={r} value={r}>{t(`committeeRole.${r}`)}</option>)}
              </select></div>
            {err(`members.${i}`)}
          </div>
        ))}
        <div className="workbench-actions">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => setMembers([...members, { fullName: '', position: '', committeeRole: 'member' }])}>{t('committee.addMember')}</button>
          {members.length > 1 && <button type="button" className="btn btn-secondary btn-small" onClick={() => setMembers(members.slice(0, -1))}>{t('committee.removeLast')}</button>}
        </div>
      </fieldset>
      <div className="workbench-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>{t('committee.save')}</button>
        <button type="button" className="btn btn-secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}
