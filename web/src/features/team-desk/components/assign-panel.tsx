import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api';
import { useField } from '../../../lib/field-context';
import type { HouseholdView } from '../../../lib/village-view';
import { assignHouseholds, type DeskMember } from '../api/team-desk-api';
import { NS } from './team-desk-i18n';

type Show = 'unassigned' | 'all';

/**
 * Who goes to which household: tick households, pick a member, assign (or take back). The
 * server keeps it and the member's phone receives its list with the next sync. Needs network.
 */
export function AssignPanel({ households, members, assignments, csrfToken, onAssigned }: {
  households: readonly HouseholdView[];
  members: readonly DeskMember[];
  assignments: readonly { householdId: string; userId: string }[];
  csrfToken: string;
  onAssigned: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const { village } = useField();
  const withAccount = members.filter((m) => m.userId !== null);
  const [member, setMember] = useState(withAccount[0]?.userId ?? '');
  const [show, setShow] = useState<Show>('unassigned');
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = useMemo(() => new Map(withAccount.map((m) => [m.userId!, m.fullName])), [withAccount]);
  const assignee = useMemo(() => new Map(assignments.map((a) => [a.householdId, a.userId])), [assignments]);
  const list = households.filter((h) => h.status !== 'gone' && (show === 'all' || !assignee.has(h.id)));

  if (withAccount.length === 0) return <p className="muted">{t('assign.noMembers')}</p>;

  const toggle = (id: string) => setPicked((before) => {
    const next = new Set(before);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  const submit = async (userId: string | null) => {
    setError(null);
    setDone(null);
    if (picked.size === 0) {
      setError(t('assign.pickSome'));
      return;
    }
    setBusy(true);
    try {
      await assignHouseholds({ village: village.code, householdIds: [...picked], userId }, i18n.language, csrfToken);
      setDone(userId ? t('assign.done', { count: picked.size, name: names.get(userId) ?? '' }) : t('assign.takenBack', { count: picked.size }));
      setPicked(new Set());
      onAssigned();
    } catch (caught) {
      setError(caught instanceof ApiError && caught.status !== 0 ? caught.message : t('needsNetwork'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack">
      <label className="field">
        <span className="label">{t('assign.member')}</span>
        <select data-testid="assign-member" value={member} onChange={(e) => setMember(e.target.value)}>
          {withAccount.map((m) => <option key={m.userId} value={m.userId!}>{m.fullName}</option>)}
        </select>
      </label>
      <div className="filters" role="group" aria-label={t('assign.show')}>
        {(['unassigned', 'all'] as const).map((value) => (
          <Button key={value} variant={show === value ? 'primary' : 'secondary'} aria-pressed={show === value} onClick={() => setShow(value)}>
            {t(`assign.${value}`)}
          </Button>
        ))}
      </div>
      {list.length === 0 && <p className="muted">{t('assign.none')}</p>}
      <ul className="list assign-list">
        {list.map((h) => (
          <li key={h.id}>
            <label className="check-row" data-testid="assign-household">
              <input type="checkbox" checked={picked.has(h.id)} onChange={() => toggle(h.id)} />
              <span>
                <strong>{h.label}</strong>
                <span className="row-sub"> · {assignee.has(h.id) ? names.get(assignee.get(h.id)!) ?? t('assign.formerMember') : t('assign.nobody')}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="error-text" role="alert">{error}</p>}
      {done && <p className="banner" role="status" data-testid="assign-done">{done}</p>}
      <Button wide data-testid="assign-submit" disabled={busy} onClick={() => void submit(member)}>
        {t('assign.to', { name: names.get(member) ?? '' })}
      </Button>
      <Button variant="secondary" wide disabled={busy} onClick={() => void submit(null)}>{t('assign.takeBack')}</Button>
    </div>
  );
}
