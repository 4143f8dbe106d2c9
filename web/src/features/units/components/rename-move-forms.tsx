import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vietnamDay } from '../../../lib/time';
import type { Unit } from '../api/units-api';
import { EffectiveDate, FieldError, GeneralError, invalidProps } from './form-bits';
import { PreviewView } from './operation-preview';
import { UnitSearch } from './unit-search';
import { NS } from './units-i18n';
import { useOperation } from './use-operation';

interface FormProps {
  unit: Unit;
  root: string;
  csrfToken: string;
  onDone: (units: Unit[], message: string) => void;
}

export function RenameForm({ unit, csrfToken, onDone }: FormProps) {
  const { t } = useTranslation(NS);
  const ids = { name: useId(), type: useId(), date: useId() };
  const [name, setName] = useState(unit.name);
  const [type, setType] = useState(unit.type);
  const [day, setDay] = useState(vietnamDay());
  const op = useOperation(csrfToken, onDone);
  const edit = <T,>(set: (value: T) => void) => (value: T) => { set(value); op.changed(); };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (name.trim() === '') return op.refuse({ name: t('form.nameRequired') });
    const body = { name: name.trim(), effectiveDate: day, ...(type.trim() && type.trim() !== unit.type ? { type: type.trim() } : {}) };
    void op.rehearse({ kind: 'rename', code: unit.code, body });
  };
  return (
    <form className="workbench-form" onSubmit={submit} noValidate aria-label={t('op.rename')}>
      <GeneralError errors={op.errors} />
      <div className="workbench-filters">
        <div className="field">
          <label htmlFor={ids.name}>{t('form.newName')}</label>
          <input id={ids.name} value={name} maxLength={200} onChange={(e) => edit(setName)(e.target.value)} {...invalidProps(ids.name, op.errors, 'name')} />
          <FieldError id={ids.name} errors={op.errors} field="name" />
        </div>
        <div className="field">
          <label htmlFor={ids.type}>{t('form.type')}</label>
          <input id={ids.type} value={type} maxLength={40} onChange={(e) => edit(setType)(e.target.value)} {...invalidProps(ids.type, op.errors, 'type')} />
          <FieldError id={ids.type} errors={op.errors} field="type" />
        </div>
        <EffectiveDate id={ids.date} value={day} onChange={edit(setDay)} errors={op.errors} />
      </div>
      <div className="workbench-actions"><button type="submit" className="btn btn-secondary" disabled={op.busy}>{t('form.preview')}</button></div>
      {op.preview && <PreviewView preview={op.preview} busy={op.busy} onConfirm={() => void op.confirm()} />}
    </form>
  );
}

export function MoveForm({ unit, root, csrfToken, onDone }: FormProps) {
  const { t } = useTranslation(NS);
  const ids = { parent: useId(), date: useId() };
  const [parent, setParent] = useState<{ code: string; name: string } | null>(null);
  const [day, setDay] = useState(vietnamDay());
  const op = useOperation(csrfToken, onDone);
  const parentTier = unit.tier === 'village' ? 'commune' : 'province';

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!parent) return op.refuse({ parentCode: t('form.parentRequired') });
    void op.rehearse({ kind: 'move', code: unit.code, body: { parentCode: parent.code, effectiveDate: day } });
  };
  return (
    <form className="workbench-form" onSubmit={submit} noValidate aria-label={t('op.move')}>
      <GeneralError errors={op.errors} />
      <p>{t('form.currentParent', { code: unit.parentCode ?? '—' })}</p>
      <UnitSearch root={root} tier={parentTier} label={t('form.findParent')} onPick={(found) => { setParent(found); op.changed(); }} />
      <p id={ids.parent} data-testid="chosen-parent">{parent ? t('form.chosenParent', { name: parent.name, code: parent.code }) : t('form.noParent')}</p>
      <FieldError id={ids.parent} errors={op.errors} field="parentCode" />
      <EffectiveDate id={ids.date} value={day} onChange={(value) => { setDay(value); op.changed(); }} errors={op.errors} />
      <div className="workbench-actions"><button type="submit" className="btn btn-secondary" disabled={op.busy}>{t('form.preview')}</button></div>
      {op.preview && <PreviewView preview={op.preview} busy={op.busy} onConfirm={() => void op.confirm()} />}
    </form>
  );
}
