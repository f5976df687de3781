import { escapeHtml } from './_internal/escapeHtml';
import type { ChartBar } from './model';
import { typograph } from './typography/text';

/**
 * The chart data of a `chart` block.
 *
 * @category Charts
 * @example
 * const c: ChartData = { title: 'Охват наставничеством, %', unit: '%', bars: [{ label: 'Обучающиеся', value: 72 }] };
 */
export interface ChartData {
  readonly title: string;
  readonly bars: readonly ChartBar[];
  readonly unit?: string;
  readonly max?: number;
}

/** The upper bound of a chart's axis: `max`, or 100 for percentages, or the largest value. */
export function chartMax(chart: ChartData): number {
  if (chart.max !== undefined) return chart.max;
  if (chart.unit === '%') return 100;
  return Math.max(1, ...chart.bars.map((b) => b.value));
}

/** A value as the chart prints it: decimal comma, and «9,2 %» with a non-breaking space (ГОСТ 8.417, Мильчин). */
export function chartValue(value: number, unit?: string): string {
  const v = Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
  return unit === '%' ? `${v}\u00a0%` : v;
}

/**
 * A hand-built SVG bar chart: labels and values escaped, no script, no
 * external resource; scales with its container.
 *
 * @category Charts
 * @example
 * const svg = barChartSvg({ title: 'Удовлетворённость, баллы', bars: [{ label: 'Наставники', value: 8.6 }], max: 10 });
 */
export function barChartSvg(chart: ChartData): string {
  const width = 640;
  const rowH = 28;
  const labelW = 260;
  const height = chart.bars.length * rowH + 20;
  const max = chartMax(chart);
  const plotW = width - labelW - 70;
  const rows = chart.bars
    .map((b, i) => {
      const y = 10 + i * rowH;
      const w = max > 0 ? Math.max(0, Math.min(b.value, max) / max) * plotW : 0;
      return `<text x="${labelW - 8}" y="${y + 18}" text-anchor="end" font-size="13">${escapeHtml(typograph(b.label))}</text><rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="#2f5496"/><text x="${(labelW + w + 6).toFixed(1)}" y="${y + 18}" font-size="13">${escapeHtml(chartValue(b.value, chart.unit))}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeHtml(typograph(chart.title))}" font-family="Times New Roman, serif"><line x1="${labelW}" y1="6" x2="${labelW}" y2="${height - 6}" stroke="#000"/>${rows}</svg>`;
}
