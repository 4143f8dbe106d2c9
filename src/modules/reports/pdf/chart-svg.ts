import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import SVGtoPDF from 'svg-to-pdfkit';
import { measureText, type Pdf } from './pdf-kit.js';

/**
 * Charts in printed reports are the dashboard's chart definitions (shared/charts) rendered by
 * ECharts to SVG on the server and drawn into the PDF as vectors and real text in the embedded
 * DejaVu Sans. ECharts lays text out by measuring it: on a server it has no canvas to measure
 * with, so it is given the same font's widths, and names are cut or placed where they print.
 */
echarts.use([BarChart, LineChart, GridComponent, MarkLineComponent, SVGRenderer]);
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font ?? '')?.[1] ?? 12);
    return { width: measureText(text, size, /\bbold\b|\b[6-9]00\b/.test(font ?? '')) };
  },
});

/** The chart as an SVG document of `width` × `height` (pixels, which print as points). */
export function chartSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ ...option, textStyle: { ...(option.textStyle as object | undefined), fontFamily: 'DejaVu Sans' } });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Draws the chart at (x, y), one SVG pixel to one point, its text in the document's fonts. */
export function drawChart(doc: Pdf, option: echarts.EChartsCoreOption, box: { x: number; y: number; width: number; height: number }): void {
  SVGtoPDF(doc, chartSvg(option, box.width, box.height), box.x, box.y, {
    width: box.width, height: box.height, assumePt: true,
    fontCallback: (_family, bold) => (bold ? 'bold' : 'regular'),
  });
}
