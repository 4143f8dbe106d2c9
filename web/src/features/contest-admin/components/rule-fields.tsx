import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/text-field';
import type { ContestRules } from '../api/contest-admin-api';
import { NS } from './contest-admin-i18n';

/** The rules as the form holds them: text as typed, turned into numbers when sent. */
export interface RulesDraft {
  questionsPerAttempt: string; minutes: string; attemptsPerDay: string; graceSeconds: string; onePrizePerPerson: boolean;
  eligibleStatistic: 'adults' | 'population'; pointsFirst: string; pointsSecond: string; pointsThird: string;
}

export const DEFAULT_RULES: RulesDraft = {
  questionsPerAttempt: '10', minutes: '10', attemptsPerDay: '1', graceSeconds: '15', onePrizePerPerson: true,
  eligibleStatistic: 'adults', pointsFirst: '10', pointsSecond: '8', pointsThird: '6',
};

export function rulesDraft(rules: ContestRules): RulesDraft {
  return {
    questionsPerAttempt: String(rules.questionsPerAttempt), minutes: String(rules.timeLimitSeconds / 60), attemptsPerDay: String(rules.attemptsPerDay),
    graceSeconds: String(rules.graceSeconds), onePrizePerPerson: rules.onePrizePerPerson, eligibleStatistic: rules.eligibleStatistic,
    pointsFirst: String(rules.prizePoints.first), pointsSecond: String(rules.prizePoints.second), pointsThird: String(rules.prizePoints.third),
  };
}

export function rulesOf(draft: RulesDraft): Partial<ContestRules> {
  return {
    questionsPerAttempt: Number(draft.questionsPerAttempt), timeLimitSeconds: Math.round(Number(draft.minutes) * 60), attemptsPerDay: Number(draft.attemptsPerDay),
    graceSeconds: Number(draft.graceSeconds), onePrizePerPerson: draft.onePrizePerPerson, eligibleStatistic: draft.eligibleStatistic,
    prizePoints: { first: Number(draft.pointsFirst), second: Number(draft.pointsSecond), third: Number(draft.pointsThird) },
  };
}

/** Eligibility and the rules: questions, time, attempts a day, grace, prizes per person, unit prize points. */
export function RuleFields({ rules, onChange, errorFor }: { rules: RulesDraft; onChange: (rules: RulesDraft) => void; errorFor: (field: string) => string | undefined }) {
  const { t } = useTranslation(NS);
  // Two forms (new and edit) can be open at once: ids of their own, so each label finds its box.
  const id = useId();
  const field = (key: Exclude<keyof RulesDraft, 'onePrizePerPerson' | 'eligibleStatistic'>, errorKey: string, min: number, max: number) => (
    <TextField label={t(`rules.${key}`)} type="number" min={min} max={max} inputMode="numeric" value={rules[key]} required
      onChange={(e) => onChange({ ...rules, [key]: e.target.value })} error={errorFor(`rules.${errorKey}`)} />
  );
  return (
    <fieldset className="contest-fieldset">
      <legend>{t('rules.heading')}</legend>
      <div className="field">
        <label htmlFor={`${id}-eligible`}>{t('rules.eligibleStatistic')}</label>
        <select id={`${id}-eligible`} value={rules.eligibleStatistic} onChange={(e) => onChange({ ...rules, eligibleStatistic: e.target.value as RulesDraft['eligibleStatistic'] })}>
          <option value="adults">{t('rules.adults')}</option>
          <option value="population">{t('rules.population')}</option>
        </select>
        <p className="hint">{t('rules.eligibleHint')}</p>
      </div>
      <div className="contest-phase-row">
        {field('questionsPerAttempt', 'questionsPerAttempt', 1, 50)}
        {field('minutes', 'timeLimitSeconds', 1, 60)}
      </div>
      <div className="contest-phase-row">
        {field('attemptsPerDay', 'attemptsPerDay', 1, 10)}
        {field('graceSeconds', 'graceSeconds', 0, 120)}
      </div>
      <div className="field field-check">
        <input id={`${id}-one-prize`} type="checkbox" checked={rules.onePrizePerPerson} onChange={(e) => onChange({ ...rules, onePrizePerPerson: e.target.checked })} />
        <label htmlFor={`${id}-one-prize`}>{t('rules.onePrizePerPerson')}</label>
      </div>
      <div className="contest-phase-row">
        {field('pointsFirst', 'prizePoints.first', 0, 100)}
        {field('pointsSecond', 'prizePoints.second', 0, 100)}
        {field('pointsThird', 'prizePoints.third', 0, 100)}
      </div>
    </fieldset>
  );
}
