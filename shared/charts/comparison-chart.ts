import type { EChartsCoreOption } from 'echarts/core';
import { CHART_STATUS_COLOURS, TARGET_COLOUR, type ChartStatus } from './status-colours.js';

/**
 * Units (or indicators) side by side on one figure: a horizontal bar each, coloured by status,
 * with a dashed line at the target. The dashboard draws it on a canvas and the printed report
 * renders it to SVG on the server, from this one definition.
 */
export interface ComparisonBar {
  label: string;
  value: number | null;
  /** The figure written after the bar ("62,5%", "1.204 người", "–"). */
  display: string;
  status: ChartStatus;
}

export interface ComparisonChart {
  bars: readonly ComparisonBar[];
  /** Where the dashed target line goes, on the bars' scale; null draws none. */
  target: number | null;
  /** How the axis writes a value (a percentage, a count). */
  axisFormat: (value: number) => string;
  /** The highest value of the whole comparison, when these bars are one part of it: every part keeps one scale. */
  scaleMax?: number;
}

export interface ComparisonLayout {
  /** Height of one bar's row, in pixels (points in print). */
  rowHeight: number;
  fontSize: number;
  /** Room for the unit names left of the bars. */
  labelWidth: number;
  /** Room for the figure written after the longest bar. */
  valueWidth: number;
  fontFamily?: string;
}

const TOP = 8;
const AXIS = 22;

/** The height a chart of `count` bars needs at this layout: rows, then the axis below. */
export function comparisonHeight(count: number, layout: Pick<ComparisonLayout, 'rowHeight' | 'fontSize'>): number {
  return TOP + Math.max(1, count) * layout.rowHeight + AXIS + layout.fontSize;
}

/** Highest figure first, units without a figure last; ties keep their order (by name or code). */
export function rankBars<T extends { value: number | null }>(bars: readonly T[]): T[] {
  return bars
    .map((bar, index) => ({ bar, index }))
    .sort((a, b) => (b.bar.value ?? -Infinity) - (a.bar.value ?? -Infinity) || a.index - b.index)
    .map(({ bar }) => bar);
}

/** A round step (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) times a power of ten, at or above `value`: an axis end people can read. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value - 1e-9) ?? 10;
  return step * power;
}

export function comparisonOption(chart: ComparisonChart, layout: ComparisonLayout): EChartsCoreOption {
  const { bars, target } = chart;
  const highest = Math.max(0, target ?? 0, chart.scaleMax ?? 0, ...bars.map((bar) => bar.value ?? 0));
  const text = { fontSize: layout.fontSize, color: '#222222', ...(layout.fontFamily ? { fontFamily: layout.fontFamily } : {}) };
  return {
    animation: false,
    textStyle: text,
    grid: { left: layout.labelWidth, right: layout.valueWidth, top: TOP, bottom: AXIS, containLabel: false },
    xAxis: {
      type: 'value', min: 0, max: niceCeiling(highest), splitNumber: 4,
      axisLabel: { ...text, formatter: (value: number) => chart.axisFormat(value) },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    yAxis: {
      type: 'category', inverse: true, data: bars.map((bar) => bar.label),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#444444' } },
      // Every name is written (interval 0): a long one is cut with an ellipsis, never dropped.
      axisLabel: { ...text, interval: 0, width: layout.labelWidth - 8, overflow: 'truncate' },
    },
    series: [{
      type: 'bar',
      barCategoryGap: '25%',
      // A unit without a figure gets no bar, only its "–".
      data: bars.map((bar) => ({ value: bar.value ?? 0, itemStyle: { color: CHART_STATUS_COLOURS[bar.status] } })),
      label: { show: true, position: 'right', ...text, formatter: (item: { dataIndex: number }) => bars[item.dataIndex]?.display ?? '' },
      markLine: target === null ? undefined : {
        silent: true, symbol: 'none', label: { show: false },
        lineStyle: { color: TARGET_COLOUR, type: 'dashed', width: 1.5 },
        data: [{ xAxis: target }],
      },
    }],
  };
}
