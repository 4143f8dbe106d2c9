import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Screen } from '../../../components/ui/screen';
import { TextField } from '../../../components/ui/text-field';
import { ToggleButton } from '../../../components/ui/toggle-button';
import { authorOf, useField } from '../../../lib/field-context';
import { navigate } from '../../../lib/navigation';
import { fold } from '../../../lib/fold-search';
import { addResident, editResident, type NewResident } from '../../../lib/outbox';
import { useVillageView, type ResidentView } from '../../../lib/village-view';

const GROUPS = ['adult', 'pupil', 'cadre', 'enterprise_worker', 'elderly', 'ethnic_minority'] as const;
const SEXES = ['female', 'male', 'other'] as const;

type Errors = Partial<Record<'fullName' | 'birthYear' | 'nationalId', string>>;

/** The form once the village is read: a new person, or a correction of one the phone has. */
export function ResidentForm({ householdId, residentId }: { householdId: string; residentId?: string }) {
  const { t } = useTranslation();
  const { user, village } = useField();
  const view = useVillageView(village.code, user.id, []);
  if (!view) return <p className="muted">{t('common.loading')}</p>;
  const residents = view.households.flatMap((h) => h.residents);
  const editing = residentId ? residents.find((r) => r.id === residentId) : undefined;
  if (residentId && !editing) {
    return <Screen title={t('resident.notFound')} back={`/household/${householdId}`}><p>{t('households.notFoundHelp')}</p></Screen>;
  }
  return <ResidentFields key={residentId ?? 'new'} householdId={householdId} editing={editing} villageResidents={residents} />;
}

/** The resident's household and folded name: what "the same person" is recognised by. */
export function likelyDuplicates(residents: readonly ResidentView[], fullName: string, birthYear: number | undefined, self?: string): ResidentView[] {
  const name = fold(fullName).replace(/\s+/g, ' ').trim();
  if (!name || birthYear === undefined) return [];
  return residents.filter((r) => r.id !== self && r.status !== 'merged' && r.birthYear === birthYear && fold(r.fullName).replace(/\s+/g, ' ').trim() === name);
}

/** A person in a household. The national ID goes to the server once and is never shown back past its last 4 digits. */
function ResidentFields({ householdId, editing, villageResidents }: { householdId: string; editing?: ResidentView; villageResidents: readonly ResidentView[] }) {
  const { t } = useTranslation();
  const field = useField();
  const [fullName, setFullName] = useState(editing?.fullName ?? '');
  const [birthYear, setBirthYear] = useState(editing?.birthYear ? String(editing.birthYear) : '');
  const [sex, setSex] = useState<NewResident['sex']>(editing?.sex ?? undefined);
  const [groups, setGroups] = useState<string[]>(editing?.groups ?? []);
  const [nationalId, setNationalId] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [warned, setWarned] = useState(false);
  const back = `/household/${householdId}`;
  const year = birthYear ? Number(birthYear) : undefined;
  // Same folded name and birth year in the village: said before saving, with the way to the existing person.
  const twins = useMemo(() => likelyDuplicates(villageResidents, fullName, year, editing?.id), [villageResidents, fullName, year, editing?.id]);

  const toggleGroup = (group: string) => setGroups((list) => (list.includes(group) ? list.filter((g) => g !== group) : [...list, group]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!fullName.trim()) found.fullName = t('common.required');
    if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > new Date().getFullYear())) found.birthYear = t('resident.birthYearInvalid');
    if (nationalId && !/^\d{12}$/.test(nationalId)) found.nationalId = t('resident.nationalIdInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (twins.length > 0 && !warned) {
      setWarned(true);
      return;
    }
    const input = { householdId, fullName: fullName.trim(), birthYear: year, sex, groups, nationalId: nationalId || undefined };
    if (editing) await editResident(editing.id, { ...input, householdId: editing.householdId }, editing.revision, authorOf(field));
    else await addResident(input, authorOf(field));
    navigate(back, { replace: true });
  };

  return (
    <Screen title={editing ? t('resident.edit') : t('resident.add')} back={back}>
      <form onSubmit={submit} noValidate>
        <TextField label={t('resident.fullName')} value={fullName} onChange={(e) => setFullName(e.target.value)} error={errors.fullName} maxLength={200} autoComplete="off" required />
        <TextField label={t('resident.birthYear')} value={birthYear} onChange={(e) => setBirthYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
          error={errors.birthYear} inputMode="numeric" autoComplete="off" />
        <fieldset className="stack plain">
          <legend className="label">{t('resident.sex')}</legend>
          <div className="toggle-grid">
            {SEXES.map((value) => (
              <ToggleButton key={value} pressed={sex === value} onToggle={() => setSex(sex === value ? undefined : value)}>{t(`sex.${value}`)}</ToggleButton>
            ))}
          </div>
        </fieldset>
        <fieldset className="stack plain">
          <legend className="label">{t('resident.groups')}</legend>
          <div className="toggle-grid">
            {GROUPS.map((group) => (
              <ToggleButton key={group} pressed={groups.includes(group)} onToggle={() => toggleGroup(group)}>{t(`group.${group}`)}</ToggleButton>
            ))}
          </div>
        </fieldset>
        <TextField label={t('resident.nationalId')} hint={t('resident.nationalIdHint')} value={nationalId}
          onChange={(e) => setNationalId(e.target.value.replace(/\D/g, '').slice(0, 12))} error={errors.nationalId}
          inputMode="numeric" autoComplete="off" />
        {twins.length > 0 && (
          <div className="banner" role="alert" data-testid="duplicate-warning">
            <p>{t('resident.likelyDuplicate', { count: twins.length })}</p>
            <ul className="list">
              {twins.map((twin) => (
                <li key={twin.id}>
                  <Button variant="secondary" wide onClick={() => navigate(`/household/${twin.householdId}`)}>
                    {t('resident.openExisting', { name: twin.fullName, year: twin.birthYear })}
                  </Button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <Button type="submit" wide data-testid="save-resident">{twins.length > 0 && warned ? t('resident.saveAnyway') : t('common.save')}</Button>
      </form>
    </Screen>
  );
}
