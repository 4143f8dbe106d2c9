import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vietnamDay } from '../../../lib/time';
import type { MergeInput, Unit } from '../api/units-api';
import { EffectiveDate, FieldError, GeneralError, invalidProps } from './form-bits';
import { PreviewView } from './operation-preview';
import { UnitSearch } from './unit-search';
import { NS } from './units-i18n';
import { useOperation } from './use-operation';

interface MergeProps {
  unit: Unit;
  root: string;
  csrfToken: string;
  onDone: (units: Unit[], message: string) => void;
}

type Source = { code: string; name: string };

/** Several units of one tier become one: an existing one continues (under its name or a new one), or a new unit takes over. */
export function MergeForm({ unit, root, csrfToken, onDone }: MergeProps) {
  const { t } = useTranslation(NS);
  const ids = { sources: useId(), keep: useId(), code: useId(), name: useId(), type: useId(), date: useId() };
  const [sources, setSources] = useState<Source[]>([{ code: unit.code, name: unit.name }]);
  const [successor, setSuccessor] = useState<'existing' | 'new'>('existing');
  const [keep, setKeep] = useState(unit.code);
  const [fresh, setFresh] = useState({ code: '', name: '', type: unit.type });
  const [day, setDay] = useState(vietnamDay());
  const op = useOperation(csrfToken, onDone);
  const change = () => op.changed();

  const add = (found: Source) => {
    if (!sources.some((s) => s.code === found.code)) setSources([...sources, { code: found.code, name: found.name }]);
    change();
  };
  const remove = (code: string) => {
    setSources(sources.filter((s) => s.code !== code));
    if (keep === code) setKeep(unit.code);
    change();
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (sources.length < 2) return op.refuse({ sources: t('merge.twoNeeded') });
    let into: MergeInput['into'];
    if (successor === 'existing') {
      into = { code: keep, ...(fresh.name.trim() ? { name: fresh.name.trim() } : {}) };
    } else {
      const missing: Record<string, string> = {};
      if (!/^[A-Za-z0-9._-]{1,32}$/.test(fresh.code.trim())) missing['into.code'] = t('merge.codeRequired');
      if (!fresh.name.trim()) missing['into.name'] = t('form.nameRequired');
      if (!fresh.type.trim()) missing['into.type'] = t('form.typeRequired');
      if (Object.keys(missing).length > 0) return op.refuse(missing);
      into = { code: fresh.code.trim(), name: fresh.name.trim(), type: fresh.type.trim() };
    }
    void op.rehearse({ kind: 'merge', body: { sources: sources.map((s) => s.code), into, effectiveDate: day } });
  };

  const freshField = (key: 'code' | 'name' | 'type', id: string, label: string, field: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} value={fresh[key]} maxLength={key === 'type' ? 40 : 200} inputMode={key === 'code' ? 'numeric' : undefined}
        onChange={(e) => { setFresh({ ...fresh, [key]: e.target.value }); change(); }} {...invalidProps(id, op.errors, field)} />
      <FieldError id={id} errors={op.errors} field={field} />
    </div>
  );

  return (
    <form className="workbench-form" onSubmit={submit} noValidate aria-label={t('op.merge')}>
      <GeneralError errors={op.errors} />
      <fieldset>
        <legend id={ids.sources}>{t('merge.sources')}</legend>
        <ul className="merge-sources" aria-labelledby={ids.sources} data-testid="merge-sources">
          {sources.map((source) => (
            <li key={source.code} data-code={source.code}>
              {source.name} <span className="muted">{source.code}</span>
              {source.code !== unit.code && (
                <button type="button" className="btn btn-secondary btn-small" onClick={() => remove(source.code)}
                  aria-label={t('merge.remove', { name: source.name })}>{t('merge.removeShort')}</button>
              )}
            </li>
          ))}
        </ul>
        <FieldError id={ids.sources} errors={op.errors} field="sources" />
        <UnitSearch root={root} tier={unit.tier} label={t('merge.add')} onPick={add} testId="merge-add" />
      </fieldset>
      <fieldset>
        <legend>{t('merge.successor')}</legend>
        <label className="choice">
          <input type="radio" name={ids.keep} checked={successor === 'existing'} onChange={() => { setSuccessor('existing'); change(); }} />
          {t('merge.keepExisting')}
        </label>
        {successor === 'existing' && (
          <div className="workbench-filters">
            <div className="field">
              <label htmlFor={ids.keep}>{t('merge.keep')}</label>
              <select id={ids.keep} value={keep} onChange={(e) => { setKeep(e.target.value); change(); }} {...invalidProps(ids.keep, op.errors, 'into.code')}>
                {sources.map((source) => <option key={source.code} value={source.code}>{source.name} ({source.code})</option>)}
              </select>
              <FieldError id={ids.keep} errors={op.errors} field="into.code" />
            </div>
            {freshField('name', ids.name, t('merge.newNameOptional'), 'into.name')}
          </div>
        )}
        <label className="choice">
          <input type="radio" name={ids.keep} checked={successor === 'new'} onChange={() => { setSuccessor('new'); change(); }} />
          {t('merge.newUnit')}
        </label>
        {successor === 'new' && (
          <div className="workbench-filters">
            {freshField('code', ids.code, t('form.code'), 'into.code')}
            {freshField('name', ids.name, t('form.name'), 'into.name')}
            {freshField('type', ids.type, t('form.type'), 'into.type')}
          </div>
        )}
      </fieldset>
      <EffectiveDate id={ids.date} value={day} onChange={(value) => { setDay(value); change(); }} errors={op.errors} />
      <div className="workbench-actions"><button type="submit" className="btn btn-secondary" disabled={op.busy}>{t('form.preview')}</button></div>
      {op.preview && <PreviewView preview={op.preview} busy={op.busy} onConfirm={() => void op.confirm()} />}
    </form>
  );
}
