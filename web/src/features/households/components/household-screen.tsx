import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Pill } from '../../../components/ui/pill';
import { Screen } from '../../../components/ui/screen';
import { authorOf, useField } from '../../../lib/field-context';
import { editHousehold, editResident } from '../../../lib/outbox';
import { navigate } from '../../../lib/navigation';
import { useReferenceData } from '../../../lib/reference-data';
import { serverErrorText } from '../../../lib/server-error';
import { useVillageView, type ResidentView } from '../../../lib/village-view';
import { ChangedBy, CoveragePill, LastTry } from './coverage-pill';

/** One household: who lives there and what each person still lacks, and the big "record a visit" button. */
export function HouseholdScreen({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const field = useField();
  const { user, village } = field;
  const { milestoneKinds } = useReferenceData();
  const view = useVillageView(village.code, user.id, milestoneKinds.map((k) => k.code));
  if (!view) return <p className="muted">{t('common.loading')}</p>;
  const household = view.households.find((h) => h.id === householdId);
  if (!household) {
    return <Screen title={t('households.notFound')} back="/"><p>{t('households.notFoundHelp')}</p></Screen>;
  }
  return (
    <Screen title={household.label} back="/">
      <div className="chips">
        <CoveragePill coverage={household.coverage} />
        {household.status === 'gone' && <Pill tone="todo">{t('household.gone')}</Pill>}
        {household.pending && <Pill tone="wait">{t('sync.waitingOne')}</Pill>}
        {household.assignedToMe && <Pill tone="ok">{t('households.assignedToMe')}</Pill>}
      </div>
      {household.coverage === 'come_back' && <LastTry household={household} />}
      {household.error && <p className="error-text" role="alert">{serverErrorText(t, household.error)}</p>}
      {(household.headName || household.address) && <p>{[household.headName, household.address].filter(Boolean).join(' · ')}</p>}
      {household.note && <p className="muted">{household.note}</p>}
      <ChangedBy record={household} testId="household-changed-by" />
      <Button wide data-testid="record-visit" onClick={() => navigate(`/household/${household.id}/visit`)}>{t('visit.record')}</Button>
      <h3>{t('households.residents', { count: household.residents.length })}</h3>
      {household.residents.length === 0 && <p className="muted">{t('households.noResidents')}</p>}
      <ul className="list">
        {household.residents.filter((r) => r.status !== 'merged').map((resident) => (
          <ResidentCard key={resident.id} resident={resident} others={household.residents.filter((r) => r.id !== resident.id && r.status !== 'merged')} />
        ))}
      </ul>
      <Button variant="secondary" wide onClick={() => navigate(`/household/${household.id}/resident/new`)}>+ {t('resident.add')}</Button>
      <Button variant="quiet" wide data-testid="household-gone"
        onClick={() => void editHousehold(household.id, { label: household.label, status: household.status === 'gone' ? 'active' : 'gone' }, household.revision, authorOf(field))}>
        {household.status === 'gone' ? t('household.markActive') : t('household.markGone')}
      </Button>
    </Screen>
  );
}

function ResidentCard({ resident, others }: { resident: ResidentView; others: ResidentView[] }) {
  const { t } = useTranslation();
  const { milestoneName } = useReferenceData();
  const field = useField();
  const left = resident.status === 'moved_away' || resident.status === 'deceased';
  const mark = (changes: { status?: 'active' | 'moved_away' | 'deceased'; sameAs?: string }) => {
    const { id, householdId, fullName, groups } = resident;
    void editResident(id, { householdId, fullName, groups, ...changes }, resident.revision, authorOf(field));
  };
  const facts = [
    resident.birthYear ? t('resident.born', { year: resident.birthYear }) : undefined,
    ...resident.groups.map((g) => t(`group.${g}`, { defaultValue: g })),
    resident.nationalIdLast4 ? t('resident.idLast4', { last4: resident.nationalIdLast4 }) : undefined,
  ].filter(Boolean);
  return (
    <li className="card">
      <div className="row-top">
        <strong data-testid="resident-name">{resident.fullName}</strong>
        {left && <Pill tone="todo">{t(`resident.status.${resident.status}`)}</Pill>}
        {resident.pending && <Pill tone="wait">{t('sync.waitingOne')}</Pill>}
      </div>
      <ChangedBy record={resident} />
      {facts.length > 0 && <p className="row-sub">{facts.join(' · ')}</p>}
      {resident.error && <p className="error-text">{serverErrorText(t, resident.error)}</p>}
      {resident.lacking.length === 0
        ? <p><Pill tone="ok">{t('households.complete')}</Pill></p>
        : (
          <div>
            <p className="label">{t('resident.stillLacks')}</p>
            <div className="chips">{resident.lacking.map((kind) => <Pill key={kind} tone="todo">{milestoneName(kind)}</Pill>)}</div>
          </div>
        )}
      <details>
        <summary>{t('resident.correct')}</summary>
        <div className="stack">
          <Button variant="secondary" wide data-testid="edit-resident" onClick={() => navigate(`/household/${resident.householdId}/resident/${resident.id}`)}>{t('resident.edit')}</Button>
          {left
            ? <Button variant="secondary" wide onClick={() => mark({ status: 'active' })}>{t('resident.markActive')}</Button>
            : (
              <>
                <Button variant="secondary" wide onClick={() => mark({ status: 'moved_away' })}>{t('resident.markMovedAway')}</Button>
                <Button variant="secondary" wide onClick={() => mark({ status: 'deceased' })}>{t('resident.markDeceased')}</Button>
              </>
            )}
          {others.length > 0 && (
            <label className="field">
              <span className="label">{t('resident.sameAs')}</span>
              <select value="" onChange={(e) => e.target.value && mark({ sameAs: e.target.value })}>
                <option value="">{t('resident.sameAsPick')}</option>
                {others.map((other) => <option key={other.id} value={other.id}>{other.fullName}{other.birthYear ? ` (${other.birthYear})` : ''}</option>)}
              </select>
            </label>
          )}
        </div>
      </details>
    </li>
  );
}
