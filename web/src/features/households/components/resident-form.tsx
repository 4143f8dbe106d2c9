import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Screen } from '../../../components/ui/screen';
import { TextField } from '../../../components/ui/text-field';
import { ToggleButton } from '../../../components/ui/toggle-button';
import { authorOf, useField } from '../../../lib/field-context';
import { navigate } from '../../../lib/navigation';
import { addResident, type NewResident } from '../../../lib/outbox';

const GROUPS = ['adult', 'pupil', 'cadre', 'enterprise_worker', 'elderly', 'ethnic_minority'] as const;
const SEXES = ['female', 'male', 'other'] as const;

type Errors = Partial<Record<'fullName' | 'birthYear' | 'nationalId', string>>;

/** A person in a household. The national ID goes to the server once and is never shown back past its last 4 digits. */
export function ResidentForm({ householdId }: { householdId: string }) {
  const { t } = useTranslation();
  const field = useField();
  const [fullName, setFullName] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [sex, setSex] = useState<NewResident['sex']>();
  const [groups, setGroups] = useState<string[]>([]);
  const [nationalId, setNationalId] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const back = `/household/${householdId}`;

  const toggleGroup = (group: string) => setGroups((list) => (list.includes(group) ? list.filter((g) => g !== group) : [...list, group]));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    const year = birthYear ? Number(birthYear) : undefined;
    if (!fullName.trim()) found.fullName = t('common.required');
    if (year !== undefined && (!Number.isInteger(year) || year < 1900 || year > new Date().getFullYear())) found.birthYear = t('resident.birthYearInvalid');
    if (nationalId && !/^\d{12}$/.test(nationalId)) found.nationalId = t('resident.nationalIdInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    await addResident({ householdId, fullName: fullName.trim(), birthYear: year, sex, groups, nationalId: nationalId || undefined }, authorOf(field));
    navigate(back, { replace: true });
  };

  return (
    <Screen title={t('resident.add')} back={back}>
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
        <Button type="submit" wide>{t('common.save')}</Button>
      </form>
    </Screen>
  );
}
