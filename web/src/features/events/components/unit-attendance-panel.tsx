import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../../lib/use-resource';
import { fetchUnitAttendance } from '../api/events-api';
import { NS } from './events-i18n';

/**
 * Attendance of the officer's unit and its units across all their events: people counted once
 * however many events they came to, beside attendances and walk-ins, per skill, between two days.
 */
export function UnitAttendancePanel({ unit, unitName, skillName, refresh }: { unit: string; unitName: string; skillName: (code: string) => string; refresh: number }) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [span, setSpan] = useState({ from: '', to: '' });
  const reversed = span.from !== '' && span.to !== '' && span.to < span.from;
  const key = reversed ? null : `unit-attendance:${unit}:${span.from}:${span.to}`;
  const result = useResource(key, (signal) => fetchUnitAttendance(unit, span, { language: i18n.language, signal }), refresh);
  const a = result.data;
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN');
  return (
    <section className="card stack" aria-labelledby={`${id}-h`} data-testid="unit-attendance">
      <h3 id={`${id}-h`}>{t('unitAttendance.title', { unit: unitName })}</h3>
      <div className="workbench-filters">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('unitAttendance.from')}</label>
          <input id={`${id}-from`} type="date" value={span.from} onChange={(e) => setSpan({ ...span, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('unitAttendance.to')}</label>
          <input id={`${id}-to`} type="date" value={span.to} onChange={(e) => setSpan({ ...span, to: e.target.value })}
            aria-invalid={reversed ? true : undefined} aria-describedby={reversed ? `${id}-to-error` : undefined} />
          {reversed && <p id={`${id}-to-error`} className="field-error" role="alert">{t('unitAttendance.reversed')}</p>}
        </div>
      </div>
      {result.error && <p className="error-text" role="alert">{result.error.message}</p>}
      {a && !reversed && (
        <>
          <dl className="attendance-figures">
            <div><dt>{t('unitAttendance.people')}</dt><dd data-testid="unit-people">{number(a.people)}</dd></div>
            <div><dt>{t('unitAttendance.attendances')}</dt><dd data-testid="unit-attendances">{number(a.attendances)}</dd></div>
            <div><dt>{t('unitAttendance.headCount')}</dt><dd>{number(a.headCount)}</dd></div>
            <div><dt>{t('unitAttendance.events')}</dt><dd>{number(a.events)}</dd></div>
          </dl>
          <p className="hint">{t('unitAttendance.explain')}</p>
          {a.bySkill.length > 0 && (
            <div className="table-scroll">
              <table className="workbench-table">
                <caption>{t('unitAttendance.bySkill')}</caption>
                <thead><tr><th scope="col">{t('unitAttendance.skill')}</th><th scope="col">{t('unitAttendance.people')}</th><th scope="col">{t('unitAttendance.attendances')}</th></tr></thead>
                <tbody>
                  {a.bySkill.map((s) => <tr key={s.skill}><th scope="row">{skillName(s.skill)}</th><td>{number(s.people)}</td><td>{number(s.attendances)}</td></tr>)}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
