import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/figures';
import type { Indicator, ReportedValue } from '../api/figures-api';
import { FigureHistory } from './figure-history';
import { NS } from './figures-i18n';

interface FigureRowProps {
  indicator: Indicator;
  existing: ReportedValue | undefined;
  /** What the officer typed; undefined shows the stored value. */
  input: string | undefined;
  onInput: (value: string) => void;
  /** The unit's statistics on the period's last day, for the denominator beside the field. */
  statistics: Record<string, number | null> | undefined;
  error?: string;
}

/** Submitted and approved figures cannot be changed: the server refuses, so the field does not offer it. */
export const isLocked = (value: ReportedValue | undefined) => value?.status === 'submitted' || value?.status === 'approved';

const PILL: Record<string, string> = { new: 'pill-todo', draft: 'pill-wait', submitted: 'pill-wait', approved: 'pill-ok', returned: 'pill-error' };

/** One indicator's field: its name and how it is counted, the unit's denominator, the stored status, the history. */
export function FigureRow({ indicator, existing, input, onInput, statistics, error }: FigureRowProps) {
  const { t, i18n } = useTranslation(NS);
  const id = useId();
  const [showHistory, setShowHistory] = useState(false);
  const locked = isLocked(existing);
  const status = existing?.status ?? 'new';
  const kind = indicator.denominator?.source === 'statistic' ? indicator.denominator.kind ?? '' : null;
  const label = kind === null ? '' : t(`statistic.${kind}`, { defaultValue: kind });
  const denominatorValue = kind === null ? undefined : statistics?.[kind];
  let denominator = t('noDenominator');
  if (kind !== null) {
    denominator = denominatorValue === null || denominatorValue === undefined
      ? t('denominatorUnknown', { label })
      : t('denominator', { label, value: formatNumber(denominatorValue, i18n.language, 0) });
  }
  const described = [`${id}-explain`, `${id}-denominator`, `${id}-status`, error ? `${id}-error` : ''].filter(Boolean).join(' ');

  return (
    <li className="figure-row card" data-testid="figure-row" data-indicator={indicator.code} data-status={status}>
      <div className="figure-main">
        <div className="field">
          <label htmlFor={id}>{indicator.name}</label>
          <p id={`${id}-explain`} className="hint">{indicator.explanation}</p>
          <div className="figure-input">
            <input
              id={id} type="number" inputMode="decimal" min={0} step="any"
              value={input ?? (existing ? String(existing.value) : '')}
              readOnly={locked} aria-readonly={locked || undefined}
              aria-invalid={error ? true : undefined} aria-describedby={described}
              onChange={(event) => onInput(event.target.value)}
            />
            {/* A percentage's reported figure is its numerator, a count: only absolute indicators carry their unit here. */}
            {!indicator.percent && <span className="figure-unit">{indicator.unitLabel}</span>}
          </div>
          {error && <p id={`${id}-error`} className="field-error" role="alert">{error}</p>}
        </div>
        <p id={`${id}-denominator`} className="figure-denominator" data-testid="denominator">{denominator}</p>
      </div>
      <div className="figure-foot">
        <span id={`${id}-status`} className={`pill ${PILL[status]}`} data-testid="figure-status">
          {locked ? `🔒 ${t('locked', { status: t(`status.${status}`) })}` : t(`status.${status}`)}
        </span>
        {existing?.status === 'returned' && existing.comment && <span className="error-text">{t('returnedWith', { comment: existing.comment })}</span>}
        {existing && (
          <button type="button" className="btn btn-quiet btn-small" aria-expanded={showHistory} onClick={() => setShowHistory((open) => !open)}>
            {t('history')}
          </button>
        )}
      </div>
      {showHistory && existing && <FigureHistory id={existing.id} name={indicator.name} />}
    </li>
  );
}
