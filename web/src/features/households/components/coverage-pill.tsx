import { useTranslation } from 'react-i18next';
import { Pill } from '../../../components/ui/pill';
import type { Coverage, HouseholdView } from '../../../lib/village-view';

const TONE = { never: 'todo', come_back: 'wait', covered: 'ok' } as const;

/** Never visited, to come back to, or covered: said in words, coloured as well. */
export function CoveragePill({ coverage }: { coverage: Coverage }) {
  const { t } = useTranslation();
  return <Pill tone={TONE[coverage]} testId="coverage-pill">{t(`households.state.${coverage}`)}</Pill>;
}

/** "Last try 12/08: nobody home": why the household is still to come back to. */
export function LastTry({ household }: { household: Pick<HouseholdView, 'lastTriedAt' | 'lastOutcome'> }) {
  const { t, i18n } = useTranslation();
  if (!household.lastTriedAt) return null;
  const when = new Date(household.lastTriedAt);
  const day = Number.isNaN(when.getTime()) ? '' : when.toLocaleDateString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit' });
  return (
    <span className="row-sub" data-testid="last-try">
      {t('households.lastTry', { day, reason: t(`outcome.${household.lastOutcome ?? 'not_home'}`, { defaultValue: household.lastOutcome ?? '' }) })}
    </span>
  );
}

/** "Last changed by H Hoa Mlô, 14:05 12/08": who corrected a record last, and when. */
export function ChangedBy({ record, testId }: { record: { updatedAt?: string | null; updatedBy?: string | null }; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!record.updatedAt) return null;
  const when = new Date(record.updatedAt);
  if (Number.isNaN(when.getTime())) return null;
  const date = when.toLocaleString(i18n.language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric',
  });
  return (
    <p className="row-sub" data-testid={testId ?? 'changed-by'}>
      {record.updatedBy ? t('record.changedBy', { name: record.updatedBy, date }) : t('resident.changedOn', { date })}
    </p>
  );
}
