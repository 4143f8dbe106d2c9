/**
 * Both drivers return the same JavaScript values: counts and sums as numbers (they stay far
 * below 2^53 here), calendar days as 'YYYY-MM-DD' strings so a Vietnam local day never shifts
 * through a Date in another time zone.
 */
export const PG_TYPE = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export const parseNumber = (value: string): number => Number(value);
export const keepText = (value: string): string => value;

export const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPE.INT8]: parseNumber,
  [PG_TYPE.NUMERIC]: parseNumber,
  [PG_TYPE.DATE]: keepText,
};
