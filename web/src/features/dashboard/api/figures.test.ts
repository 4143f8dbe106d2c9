import { describe, expect, it } from 'vitest';
import type { ChildProgress, IndicatorProgress, IndicatorStanding, Status } from './dashboard-api';
import { changedFigures, laggingUnits, rankRows, sortRows, statusCounts } from './figures';

const figure = (value: number | null, status: Status, gap: number | null = null): IndicatorStanding => ({
  code: 'skills', numerator: null, denominator: null, value,
  target: 80, deadline: '2025-12-31', status, projected: null, neededPerWeek: gap === null ? null : gap / 10, gap, suspect: false,
});
const child = (code: string, name: string, f: IndicatorStanding, openDifficulties = 0): ChildProgress => ({
  unit: { code, name, type: 'xã', tier: 'commune', parentCode: '66', provinceCode: '66' }, day: '2025-09-01', indicators: [f], openDifficulties,
});

const children = [
  child('66001', 'Xã An', figure(30, 'behind', 50)),
  child('66002', 'Xã Bình', figure(85, 'achieved', 0), 2),
  child('66003', 'Xã Cư', figure(75, 'at_risk', 5)),
  child('66004', 'Xã Đạt', figure(null, 'no_data')),
  child('66005', 'Xã Ea', figure(30, 'behind', 50), 1),
];

describe('ranking the children of a unit', () => {
  it('ranks by value, equal values sharing a place and missing ones last', () => {
    const rows = rankRows(children, 'skills');
    expect(rows.map((r) => [r.unit.code, r.rank])).toEqual([['66002', 1], ['66003', 2], ['66001', 3], ['66005', 3], ['66004', 5]]);
  });

  it('sorts by any column, keeping missing figures last whichever the direction', () => {
    const rows = rankRows(children, 'skills');
    expect(sortRows(rows, 'gap', 'descending').map((r) => r.unit.code)).toEqual(['66001', '66005', '66003', '66002', '66004']);
    expect(sortRows(rows, 'gap', 'ascending').map((r) => r.unit.code)).toEqual(['66002', '66003', '66001', '66005', '66004']);
    expect(sortRows(rows, 'name', 'descending')[0]!.unit.name).toBe('Xã Ea');
    expect(sortRows(rows, 'status', 'ascending').map((r) => r.figure.status)).toEqual(['behind', 'behind', 'at_risk', 'achieved', 'no_data']);
    expect(sortRows(rows, 'openDifficulties', 'descending')[0]!.unit.code).toBe('66002');
  });

  it('lists the lagging units, behind before at risk and the largest gap first', () => {
    expect(laggingUnits(children, 'skills').map((r) => r.unit.code)).toEqual(['66001', '66005', '66003']);
    expect(laggingUnits(children, 'skills', 1)).toHaveLength(1);
  });

  it('counts the statuses and finds the figures that moved', () => {
    expect(Object.fromEntries(statusCounts(children, 'skills'))).toEqual({ behind: 2, achieved: 1, at_risk: 1, no_data: 1 });
    const whole = (standing: IndicatorStanding): IndicatorProgress => ({ ...standing, name: 'Skills', unitLabel: '%', percent: true });
    expect(changedFigures([whole(figure(30, 'behind'))], [whole(figure(31, 'behind'))])).toHaveLength(1);
    expect(changedFigures([whole(figure(30, 'behind'))], [whole(figure(30, 'behind'))])).toHaveLength(0);
  });
});
