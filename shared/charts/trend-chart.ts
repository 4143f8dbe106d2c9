import type { EChartsCoreOption } from 'echarts/core';
import { TARGET_COLOUR } from './status-colours.js';

/**
 * An indicator day by day, with its target and the projection to the deadline: the dashboard's
 * trend chart. The legend is the caller's (HTML on the dashboard, where screen readers and
 * translators reach it).
 */
export interface TrendInput {
  from: string;
  to: string;
  points: readonly { day: string; value: number | null }[];
  target: number | null;
  deadline: string | null;
  projected: number | null;
  percent: boolean;
}

export interface TrendWords {
  value: string;
  target: string;
  projection: string;
}

// The same colours as the dashboard's HTML legend (dashboard.css: .line-value, .line-target, .line-projection).
export const TREND_COLOURS = { value: '#0b5394', target: TARGET_COLOUR, projection: '#7a4a00' } as const;

export function trendOption(series: TrendInput, words: TrendWords, format: (value: number | null) => string): EChartsCoreOption {
  const { points, target, deadline, projected } = series;
  const last = points.at(-1);
  const end = deadline !== null && deadline > series.to ? deadline : series.to;
  const lines: Record<string, unknown>[] = [{
    name: words.value, type: 'line', data: points.map((p) => [p.day, p.value]), color: TREND_COLOURS.value,
    lineStyle: { width: 3 }, symbolSize: 7, connectNulls: false,
  }];
  if (target !== null) {
    lines.push({
      name: words.target, type: 'line', data: [[series.from, target], [end, target]], color: TREND_COLOURS.target,
      lineStyle: { type: 'dashed', width: 2 }, symbol: 'none',
    });
  }
  if (last && last.value !== null && projected !== null && deadline !== null && deadline > series.to) {
    lines.push({
      name: words.projection, type: 'line', data: [[last.day, last.value], [deadline, projected]], color: TREND_COLOURS.projection,
      lineStyle: { type: 'dotted', width: 3 }, symbol: 'emptyCircle', symbolSize: 7,
    });
  }
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => format(typeof value === 'number' ? value : null) },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: '{dd}/{MM}' } },
    yAxis: {
      type: 'value', min: 0, max: series.percent ? 100 : undefined,
      axisLabel: { formatter: (value: number) => (series.percent ? `${value}%` : new Intl.NumberFormat().format(value)) },
    },
    series: lines,
  };
}
