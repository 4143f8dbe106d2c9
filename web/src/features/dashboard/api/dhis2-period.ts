/** A DHIS2 period id as the reports route takes it: YYYYMM, YYYYQn, YYYYWn (ISO week) or YYYY. */
export type Dhis2PeriodType = 'month' | 'quarter' | 'week' | 'year';

export function dhis2PeriodId(type: Dhis2PeriodType, year: number, n: number): string {
  switch (type) {
    case 'month': return `${year}${String(n).padStart(2, '0')}`;
    case 'quarter': return `${year}Q${n}`;
    case 'week': return `${year}W${n}`;
    case 'year': return String(year);
  }
}

/** How many periods of a type a year has, for the form's number field (ISO years have 52 or 53 weeks). */
export const periodsInYear = (type: Dhis2PeriodType) => ({ month: 12, quarter: 4, week: 53, year: 1 })[type];
