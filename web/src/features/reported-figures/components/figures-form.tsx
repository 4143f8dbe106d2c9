import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../../../lib/figures';
import { formErrorsOf } from '../../../lib/form-errors';
import type { SessionUser } from '../../../lib/session';
import { vietnamDay } from '../../../lib/time';
import { useResource } from '../../../lib/use-resource';
import { fetchChildren, fetchIndicators, fetchReportedValues, fetchStatistics, fetchUnit, saveFigure, type ReportedValue } from '../api/figures-api';
import { lastEndedPeriodStart, PERIOD_TYPES, periodEndOf, periodStartOf, type PeriodType } from '../api/periods';
import { FigureRow, isLocked } from './figure-row';
import { NS } from './figures-i18n';

interface FormProps { user: SessionUser; csrfToken: string }

interface Outcome { message: string; errors: Record<string, string>; general?: string }

/**
 * The figures the province asks for (indicators fed by reported figures), for one unit and period:
 * the unit's denominators beside each field, drafts saved, then submitted for the level above.
 */
export function FiguresForm({ user, csrfToken }: FormProps) {
  const { t, i18n } = useTranslation(NS);
  const language = i18n.language;
  const ids = { unit: useId(), type: useId(), start: useId() };
  const today = vietnamDay();
  const [unitCode, setUnitCode] = useState(user.scopeUnitCode ?? '');
  const [periodType, setPeriodType] = useState<PeriodType>('month');
  const [periodStart, setPeriodStart] = useState(lastEndedPeriodStart('month', today));
  const [inputs, setInputs] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ message: '', errors: {} });
  const [refresh, setRefresh] = useState(0);

  const periodEnd = periodStart ? periodEndOf(periodType, periodStart) : '';
  const statisticsDay = periodEnd && periodEnd < today ? periodEnd : today;
  const indicators = useResource(`indicators|${language}`, (signal) => fetchIndicators({ language, signal }));
  const scope = user.scopeUnitCode;
  const units = useResource(scope ? `units|${scope}|${language}` : null, async (signal) => {
    const [own, children] = await Promise.all([fetchUnit(scope!, { language, signal }), fetchChildren(scope!, { language, signal })]);
    return [own, ...children];
  });
  const stored = useResource(unitCode ? `stored|${unitCode}` : null, (signal) => fetchReportedValues(unitCode, {}, { language, signal }), refresh);
  const statistics = useResource(unitCode ? `stats|${unitCode}|${statisticsDay}` : null, (signal) => fetchStatistics(unitCode, statisticsDay, { language, signal }));

  const existingOf = (code: string): ReportedValue | undefined =>
    stored.data?.find((v) => v.unitCode === unitCode && v.indicatorCode === code && v.periodType === periodType && v.periodStart === periodStart);

  const changePeriod = (type: PeriodType, start: string) => {
    setPeriodType(type);
    setPeriodStart(start);
    setInputs({});
    setOutcome({ message: '', errors: {} });
  };

  const send = async (submit: boolean) => {
    const rows = (indicators.data ?? []).filter((indicator) => !isLocked(existingOf(indicator.code)));
    const entries = rows.map((indicator) => ({ code: indicator.code, text: inputs[indicator.code] ?? (existingOf(indicator.code) ? String(existingOf(indicator.code)!.value) : '') }))
      .filter((entry) => entry.text.trim() !== '');
    const errors: Record<string, string> = {};
    // The same rule as the API's schema (a number from 0 up), checked before anything is sent.
    for (const entry of entries) {
      const value = Number(entry.text);
      if (!Number.isFinite(value) || value < 0 || value > 1e12) errors[entry.code] = t('valueInvalid');
    }
    if (entries.length === 0 || Object.keys(errors).length > 0) {
      setOutcome({ message: entries.length === 0 ? t('nothingToSave') : t('someFailed', { count: Object.keys(errors).length }), errors });
      return;
    }
    setBusy(true);
    let general: string | undefined;
    let done = 0;
    for (const entry of entries) {
      try {
        await saveFigure({ indicatorCode: entry.code, unitCode, periodType, periodStart, value: Number(entry.text), submit }, { language, csrfToken });
        done += 1;
      } catch (error) {
        const mapped = formErrorsOf(error, (path) => (path === 'value' || path === 'indicatorCode' ? 'value' : path === 'periodStart' ? 'periodStart' : path === 'unitCode' ? 'unitCode' : undefined));
        if (mapped.fields.value) errors[entry.code] = mapped.fields.value;
        else if (mapped.fields.periodStart) errors.periodStart = mapped.fields.periodStart;
        else if (mapped.fields.unitCode) errors.unitCode = mapped.fields.unitCode;
        else general = mapped.general;
        // A refused period or unit is refused for every row: no use sending the others.
        if (errors.periodStart || errors.unitCode) break;
      }
    }
    setBusy(false);
    const failed = entries.length - done;
    const message = [done > 0 ? t(submit ? 'submitted' : 'saved', { count: done }) : '', failed > 0 ? t('someFailed', { count: failed }) : ''].filter(Boolean).join(' ');
    setOutcome({ message, errors, general });
    setInputs((previous) => Object.fromEntries(Object.entries(previous).filter(([code]) => errors[code])));
    setRefresh((n) => n + 1);
  };

  if (indicators.error?.status === 401 || stored.error?.status === 401) {
    return <p className="banner" role="alert">{t('sessionEnded')} <a href="#/login">{t('signInAgain')}</a></p>;
  }
  return (
    <section className="dash-section workbench" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <div className="workbench-filters">
        <div className="field">
          <label htmlFor={ids.unit}>{t('unit')}</label>
          {units.data ? (
            <select id={ids.unit} value={unitCode} aria-describedby={outcome.errors.unitCode ? `${ids.unit}-error` : undefined}
              onChange={(event) => { setUnitCode(event.target.value); setInputs({}); setOutcome({ message: '', errors: {} }); }}>
              {units.data.map((unit) => <option key={unit.code} value={unit.code}>{unit.name}</option>)}
            </select>
          ) : (
            <input id={ids.unit} value={unitCode} onChange={(event) => setUnitCode(event.target.value.trim())} />
          )}
          {outcome.errors.unitCode && <p id={`${ids.unit}-error`} className="field-error" role="alert">{outcome.errors.unitCode}</p>}
        </div>
        <div className="field">
          <label htmlFor={ids.type}>{t('periodType')}</label>
          <select id={ids.type} value={periodType} onChange={(event) => {
            const type = event.target.value as PeriodType;
            changePeriod(type, periodStartOf(type, periodStart || today));
          }}>
            {PERIOD_TYPES.map((type) => <option key={type} value={type}>{t(`period.${type}`)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.start}>{t('periodStart')}</label>
          <input id={ids.start} type="date" value={periodStart} max={today}
            aria-invalid={outcome.errors.periodStart ? true : undefined}
            aria-describedby={outcome.errors.periodStart ? `${ids.start}-error` : `${ids.start}-hint`}
            onChange={(event) => changePeriod(periodType, event.target.value)} />
          {periodStart && !outcome.errors.periodStart && <p id={`${ids.start}-hint`} className="hint">{t('periodHint', { start: formatDay(periodStart), end: formatDay(periodEnd) })}</p>}
          {outcome.errors.periodStart && <p id={`${ids.start}-error`} className="field-error" role="alert">{outcome.errors.periodStart}</p>}
        </div>
      </div>

      <h3>{t('figures')}</h3>
      {indicators.error && <p className="banner" role="alert">{t('failed', { message: indicators.error.message })}</p>}
      {!indicators.data && !indicators.error && <p className="muted" role="status">{t('loading')}</p>}
      {indicators.data?.length === 0 && <p className="muted">{t('none')}</p>}
      {outcome.general && <p className="banner" role="alert">{outcome.general}</p>}
      <ul className="list figures-list">
        {indicators.data?.map((indicator) => (
          <FigureRow key={`${indicator.code}|${unitCode}|${periodType}|${periodStart}`} indicator={indicator} existing={existingOf(indicator.code)}
            input={inputs[indicator.code]} onInput={(value) => setInputs((previous) => ({ ...previous, [indicator.code]: value }))}
            statistics={statistics.data?.statistics} error={outcome.errors[indicator.code]} />
        ))}
      </ul>
      <div className="workbench-actions sticky-save">
        <button type="button" className="btn btn-secondary" disabled={busy || !unitCode} onClick={() => void send(false)}>{t('saveDraft')}</button>
        <button type="button" className="btn btn-primary" disabled={busy || !unitCode} onClick={() => void send(true)}>{t('submit')}</button>
      </div>
      <p className="workbench-result" role="status" aria-live="polite" data-testid="figures-result">{busy ? t('busy') : outcome.message}</p>
    </section>
  );
}
