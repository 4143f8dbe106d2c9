import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { vietnamDay } from '../../../lib/time';
import { fetchChildren, type Unit } from '../api/units-api';
import { EffectiveDate, FieldError, GeneralError, invalidProps } from './form-bits';
import { PreviewView } from './operation-preview';
import { NS } from './units-i18n';
import { useOperation } from './use-operation';

interface SplitProps {
  unit: Unit;
  csrfToken: string;
  onDone: (units: Unit[], message: string) => void;
}

type Successor = { code: string; name: string; type: string };
const CODE = /^[A-Za-z0-9._-]{1,32}$/;

/** One unit becomes several: new units (and the old one, if it continues), each child given to one of them. */
export function SplitForm({ unit, csrfToken, onDone }: SplitProps) {
  const { t, i18n } = useTranslation(NS);
  const ids = { successors: useId(), continues: useId(), children: useId(), factsTo: useId(), date: useId() };
  const [continues, setContinues] = useState(false);
  const [successors, setSuccessors] = useState<Successor[]>([{ code: '', name: '', type: unit.type }, { code: '', name: '', type: unit.type }]);
  const [children, setChildren] = useState<Unit[] | null>(null);
  const [assigned, setAssigned] = useState<Record<string, string>>({});
  const [factsTo, setFactsTo] = useState('');
  const [day, setDay] = useState(vietnamDay());
  const op = useOperation(csrfToken, onDone);
  const change = () => op.changed();

  useEffect(() => {
    // A commune has tens of villages; more than a page is not split by hand.
    fetchChildren(unit.code, null, { language: i18n.language }).then((page) => setChildren(page.items), () => setChildren([]));
  }, [unit.code, i18n.language]);

  const targets = [...(continues ? [unit.code] : []), ...successors.map((s) => s.code.trim()).filter(Boolean)];
  const setRow = (i: number, patch: Partial<Successor>) => { setSuccessors(successors.map((s, j) => (j === i ? { ...s, ...patch } : s))); change(); };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const missing: Record<string, string> = {};
    successors.forEach((s) => {
      if (!CODE.test(s.code.trim()) || !s.name.trim() || !s.type.trim()) missing.successors = t('split.rowIncomplete');
    });
    if (targets.length < 2) missing.successors = t('split.twoNeeded');
    const target = factsTo || targets[0] || '';
    if (Object.keys(missing).length > 0) return op.refuse(missing);
    const childMap = Object.fromEntries((children ?? []).map((c) => [c.code, assigned[c.code] ?? targets[0]!]).filter(([, to]) => to !== unit.code));
    void op.rehearse({
      kind: 'split', code: unit.code,
      body: { successors: [...(continues ? [{ code: unit.code }] : []), ...successors.map((s) => ({ code: s.code.trim(), name: s.name.trim(), type: s.type.trim() }))], children: childMap, factsTo: target, effectiveDate: day },
    });
  };

  return (
    <form className="workbench-form" onSubmit={submit} noValidate aria-label={t('op.split')}>
      <GeneralError errors={op.errors} />
      <label className="choice">
        <input id={ids.continues} type="checkbox" checked={continues} onChange={(e) => { setContinues(e.target.checked); change(); }} />
        {t('split.continues', { name: unit.name })}
      </label>
      <fieldset>
        <legend id={ids.successors}>{t('split.successors')}</legend>
        {successors.map((s, i) => (
          <div key={i} className="workbench-filters" role="group" aria-label={t('split.successorN', { n: i + 1 })}>
            <div className="field"><label htmlFor={`${ids.successors}-${i}-code`}>{t('form.code')}</label>
              <input id={`${ids.successors}-${i}-code`} value={s.code} maxLength={32} onChange={(e) => setRow(i, { code: e.target.value })} /></div>
            <div className="field"><label htmlFor={`${ids.successors}-${i}-name`}>{t('form.name')}</label>
              <input id={`${ids.successors}-${i}-name`} value={s.name} maxLength={200} onChange={(e) => setRow(i, { name: e.target.value })} /></div>
            <div className="field"><label htmlFor={`${ids.successors}-${i}-type`}>{t('form.type')}</label>
              <input id={`${ids.successors}-${i}-type`} value={s.type} maxLength={40} onChange={(e) => setRow(i, { type: e.target.value })} /></div>
          </div>
        ))}
        <FieldError id={ids.successors} errors={op.errors} field="successors" />
        <div className="workbench-actions">
          <button type="button" className="btn btn-secondary btn-small" onClick={() => { setSuccessors([...successors, { code: '', name: '', type: unit.type }]); change(); }}>{t('split.addSuccessor')}</button>
          {successors.length > 1 && (
            <button type="button" className="btn btn-secondary btn-small" onClick={() => { setSuccessors(successors.slice(0, -1)); change(); }}>{t('split.removeSuccessor')}</button>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend id={ids.children}>{t('split.children')}</legend>
        {children === null && <p className="muted" role="status">{t('loading')}</p>}
        {children?.length === 0 && <p className="muted">{t('tree.empty')}</p>}
        {children && children.length > 0 && (
          <div className="workbench-filters">
            {children.map((child) => (
              <div key={child.code} className="field">
                <label htmlFor={`${ids.children}-${child.code}`}>{child.name} ({child.code})</label>
                <select id={`${ids.children}-${child.code}`} value={assigned[child.code] ?? targets[0] ?? ''}
                  onChange={(e) => { setAssigned({ ...assigned, [child.code]: e.target.value }); change(); }}>
                  {targets.map((code) => <option key={code} value={code}>{code}</option>)}
                </select>
              </div>
            ))}
          </div>
        )}
        <FieldError id={ids.children} errors={op.errors} field="children" />
      </fieldset>
      <div className="field">
        <label htmlFor={ids.factsTo}>{t('split.factsTo')}</label>
        <select id={ids.factsTo} value={factsTo || targets[0] || ''} onChange={(e) => { setFactsTo(e.target.value); change(); }} {...invalidProps(ids.factsTo, op.errors, 'factsTo')}>
          {targets.map((code) => <option key={code} value={code}>{code}</option>)}
        </select>
        <FieldError id={ids.factsTo} errors={op.errors} field="factsTo" />
      </div>
      <EffectiveDate id={ids.date} value={day} onChange={(value) => { setDay(value); change(); }} errors={op.errors} />
      <div className="workbench-actions"><button type="submit" className="btn btn-secondary" disabled={op.busy}>{t('form.preview')}</button></div>
      {op.preview && <PreviewView preview={op.preview} busy={op.busy} onConfirm={() => void op.confirm()} />}
    </form>
  );
}
