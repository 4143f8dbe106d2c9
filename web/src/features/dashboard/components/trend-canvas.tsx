import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { ProgressSeries } from '../api/dashboard-api';

// Only what a line chart with a tooltip needs: the whole of ECharts is ~2× larger. The legend is
// HTML beside the canvas (trend-chart.tsx), where screen readers and translators can reach it.
echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface CanvasProps {
  series: ProgressSeries;
  labels: { value: string; target: string; projection: string; chart: string };
  format: (value: number | null) => string;
}

// The same colours as the HTML legend in dashboard.css (.line-value, .line-target, .line-projection).
const COLOURS = { value: '#0b5394', target: '#a30000', projection: '#7a4a00' };

function optionOf({ series, labels, format }: CanvasProps): echarts.EChartsCoreOption {
  const { points, target, deadline, projected, indicator } = series;
  const last = points.at(-1);
  const end = deadline !== null && deadline > series.to ? deadline : series.to;
  const lines: Record<string, unknown>[] = [{
    name: labels.value, type: 'line', data: points.map((p) => [p.day, p.value]), color: COLOURS.value,
    lineStyle: { width: 3 }, symbolSize: 7, connectNulls: false,
  }];
  if (target !== null) {
    lines.push({
      name: labels.target, type: 'line', data: [[series.from, target], [end, target]], color: COLOURS.target,
      lineStyle: { type: 'dashed', width: 2 }, symbol: 'none',
    });
  }
  if (last && last.value !== null && projected !== null && deadline !== null && deadline > series.to) {
    lines.push({
      name: labels.projection, type: 'line', data: [[last.day, last.value], [deadline, projected]], color: COLOURS.projection,
      lineStyle: { type: 'dotted', width: 3 }, symbol: 'emptyCircle', symbolSize: 7,
    });
  }
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => format(typeof value === 'number' ? value : null) },
    xAxis: { type: 'time', axisLabel: { hideOverlap: true, formatter: '{dd}/{MM}' } },
    yAxis: {
      type: 'value', min: 0, max: indicator.percent ? 100 : undefined,
      axisLabel: { formatter: (value: number) => (indicator.percent ? `${value}%` : new Intl.NumberFormat().format(value)) },
    },
    series: lines,
  };
}

/** The ECharts canvas of a trend; its own lazy chunk (see trend-chart.tsx). */
export default function TrendCanvas(props: CanvasProps) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const instance = echarts.init(element.current!, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  // The parent re-renders on every live check; redraw only when the figures or the words change.
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    chart.current?.setOption(optionOf(latest.current), { notMerge: true });
  }, [props.series, props.labels.value, props.labels.target, props.labels.projection]);

  return <div ref={element} className="trend-canvas" role="img" aria-label={props.labels.chart} data-testid="trend-chart" />;
}
