import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { comparisonHeight, comparisonOption, type ComparisonChart, type ComparisonLayout } from '../../../../../shared/charts/comparison-chart.js';
import { useEchartsCanvas } from './use-echarts-canvas';

// The printed report draws this same chart definition (shared/charts) as SVG on the server.
echarts.use([BarChart, GridComponent, MarkLineComponent, CanvasRenderer]);

const LAYOUT: Pick<ComparisonLayout, 'rowHeight' | 'fontSize'> = { rowHeight: 22, fontSize: 13 };

interface CanvasProps {
  chart: ComparisonChart;
  label: string;
}

/** The ranking as bars, one per unit below, highest first; its own lazy chunk (see ranking-chart.tsx). */
export default function RankingCanvas({ chart, label }: CanvasProps) {
  const { element, instance } = useEchartsCanvas();

  useEffect(() => {
    const width = element.current?.clientWidth ?? 320;
    // Names get up to 40% of a phone's width; the figure after the bar keeps its room.
    const layout = { ...LAYOUT, labelWidth: Math.min(200, Math.round(width * 0.4)), valueWidth: 84 };
    instance.current?.setOption(comparisonOption(chart, layout), { notMerge: true });
    instance.current?.resize();
  }, [chart]);

  return (
    <div ref={element} className="ranking-canvas" role="img" aria-label={label} data-testid="ranking-chart"
      style={{ height: `${comparisonHeight(chart.bars.length, LAYOUT)}px` }} />
  );
}
