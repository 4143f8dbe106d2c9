import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { Screen } from '../../../components/ui/screen';
import { TextField } from '../../../components/ui/text-field';
import { authorOf, useField } from '../../../lib/field-context';
import { navigate } from '../../../lib/navigation';
import { addHousehold } from '../../../lib/outbox';

/** A new household, saved on the phone at once and sent when there is a network. */
export function HouseholdForm() {
  const { t } = useTranslation();
  const field = useField();
  const [label, setLabel] = useState('');
  const [headName, setHeadName] = useState('');
  const [address, setAddress] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!label.trim()) return setError(t('common.required'));
    const optional = (value: string) => value.trim() || undefined;
    const id = await addHousehold({ label: label.trim(), headName: optional(headName), address: optional(address), note: optional(note) }, authorOf(field));
    navigate(`/household/${id}`, { replace: true });
  };

  return (
    <Screen title={t('households.add')} back="/">
      <form onSubmit={submit} noValidate>
        <TextField label={t('household.label')} hint={t('household.labelHint')} value={label} onChange={(e) => setLabel(e.target.value)} error={error} maxLength={200} required />
        <TextField label={t('household.headName')} value={headName} onChange={(e) => setHeadName(e.target.value)} maxLength={200} autoComplete="off" />
        <TextField label={t('household.address')} value={address} onChange={(e) => setAddress(e.target.value)} maxLength={300} autoComplete="off" />
        <TextField label={t('household.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} autoComplete="off" />
        <Button type="submit" wide>{t('common.save')}</Button>
      </form>
    </Screen>
  );
}
