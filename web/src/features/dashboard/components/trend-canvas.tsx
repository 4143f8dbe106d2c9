import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { trendOption } from '../../../../../shared/charts/trend-chart.js';
import type { ProgressSeries } from '../api/dashboard-api';
import { useEchartsCanvas } from './use-echarts-canvas';

// Only what a line chart with a tooltip needs: the whole of ECharts is ~2× larger. The legend is
// HTML beside the canvas (trend-chart.tsx), where screen readers and translators can reach it.
echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface CanvasProps {
  series: ProgressSeries;
  labels: { value: string; target: string; projection: string; chart: string };
  format: (value: number | null) => string;
}

/** The ECharts canvas of a trend; its own lazy chunk (see trend-chart.tsx). */
export default function TrendCanvas(props: CanvasProps) {
  const { element, instance: chart } = useEchartsCanvas();

  // The parent re-renders on every live check; redraw only when the figures or the words change.
  const latest = useRef(props);
  latest.current = props;
  useEffect(() => {
    const { series, labels, format } = latest.current;
    chart.current?.setOption(trendOption({ ...series, percent: series.indicator.percent }, labels, format), { notMerge: true });
  }, [props.series, props.labels.value, props.labels.target, props.labels.projection]);

  return <div ref={element} className="trend-canvas" role="img" aria-label={props.labels.chart} data-testid="trend-chart" />;
}
