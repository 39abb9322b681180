// Accessible SVG charts for the Dashboard: each chart is a <figure> with an SVG (role="img", a title and a
// description) and, next to it, a <details> with the same numbers as a table. Series differ by more than colour
// (WCAG 1.4.1): bars by a hatch pattern, lines by a dash pattern, and the legend shows the same marks.
import { h, s } from './dom';

/** One series of a chart: a name and a value per category. */
export interface Series {
  readonly name: string;
  readonly values: readonly number[];
}

/** What every chart needs. */
export interface ChartInput {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** The label of the "show as a table" switch. */
  readonly tableLabel: string;
  readonly categories: readonly string[];
  /** What the categories are (`Platform`, `Period`): the header of the table's first column, read by screen readers. */
  readonly categoryLabel: string;
  readonly series: readonly Series[];
  /** How a value is shown in the table and the labels. */
  readonly formatValue?: (value: number) => string;
  /** Bars side by side (to compare series) instead of stacked (to add them up). */
  readonly grouped?: boolean;
  /**
   * The width the chart has on the page, in CSS pixels. A chart is drawn at most its natural width and at least
   * 300: drawn for a narrow screen rather than shrunk to it, its text keeps its size (13 px, not 6 px on a phone).
   */
  readonly width?: number | undefined;
}

/** The width to draw a chart at: the width it has on the page, between 300 and its natural width. */
const drawnWidth = (width: number | undefined, natural: number): number =>
  width !== undefined && width > 0 ? Math.max(300, Math.min(natural, Math.floor(width))) : natural;

/**
 * `text` cut with "…" to about `room` pixels at `fontSize` (a character taken as 0.62 em wide, a bit over the
 * average): a label longer than its column would run off the chart. The tables hold the full text.
 */
const fitted = (text: string, room: number, fontSize: number): string => {
  const chars = [...text];
  const most = Math.max(4, Math.floor(room / (fontSize * 0.62)));
  return chars.length <= most ? text : `${chars.slice(0, most - 1).join('')}…`;
};

const PALETTE = ['#0b57d0', '#b3261e', '#146c2e', '#8a4b00', '#6d3fb2', '#00677d', '#5c5f62', '#a4185d'];

/** A colour per series, distinguishable and with enough contrast on white. */
export const seriesColour = (index: number): string => PALETTE[index % PALETTE.length] ?? '#0b57d0';

// Seven hatches and seven dashes against eight colours: as 7 and 8 share no factor, the first 56 series each get
// another pair of colour and mark (the Dashboard draws one line per platform: more than eight can share).
/** Hatch angles for bars: the first series is solid, each next one hatched at another angle. */
const HATCH_ANGLES = [45, 135, 0, 90, 22.5, 67.5, 112.5];
/** Dash patterns for lines, one per series (the first solid). */
const DASHES = ['none', '9 4', '2 3', '10 3 2 3', '5 5', '14 4', '1 5'];

/** The hatch angle of a bar series after the first (the first is solid). */
export const seriesHatch = (index: number): number => HATCH_ANGLES[(index - 1) % HATCH_ANGLES.length] ?? 45;

/** The dash pattern of a line series. */
export const seriesDash = (index: number): string => DASHES[index % DASHES.length] ?? 'none';

const patternId = (chartId: string, index: number) => `${chartId}-series-${index}`;

/** The fill of a bar series: solid for the first, a hatch pattern (defined by {@link seriesPatterns}) after. */
const seriesFill = (chartId: string, index: number): string =>
  index === 0 ? seriesColour(index) : `url(#${patternId(chartId, index)})`;

/** `<defs>` with a hatch pattern in the series' colour for every series but the first. */
function seriesPatterns(chartId: string, count: number): SVGElement {
  const defs = s('defs', null);
  for (let i = 1; i < count; i++) {
    const angle = seriesHatch(i);
    defs.appendChild(
      s(
        'pattern',
        {
          id: patternId(chartId, i),
          patternUnits: 'userSpaceOnUse',
          width: 6,
          height: 6,
          patternTransform: `rotate(${angle})`,
        },
        s('rect', { width: 6, height: 6, fill: seriesColour(i) }),
        s('rect', { width: 2, height: 6, fill: '#ffffff', 'fill-opacity': 0.75 }),
      ),
    );
  }
  return defs;
}

function dataTable(input: ChartInput): HTMLElement {
  const fmt = input.formatValue ?? ((value: number) => String(value));
  return h(
    'details',
    { class: 'chart-table' },
    h('summary', null, input.tableLabel),
    h(
      'table',
      null,
      h('caption', null, input.title),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, input.categoryLabel),
          input.series.map((serie) => h('th', { scope: 'col' }, serie.name)),
        ),
      ),
      h(
        'tbody',
        null,
        input.categories.map((category, row) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, category),
            input.series.map((serie) => h('td', null, fmt(serie.values[row] ?? 0))),
          ),
        ),
      ),
    ),
  );
}

/** How the legend draws a series: a bar swatch with the series' fill, or a line with its dash. */
type LegendMark = 'bar' | 'line';

function swatch(input: ChartInput, index: number, mark: LegendMark): SVGElement {
  return s(
    'svg',
    { class: 'swatch', viewBox: '0 0 16 12', 'data-series': index },
    mark === 'bar'
      ? s('rect', { width: 16, height: 12, fill: seriesFill(input.id, index) })
      : s('line', {
          x1: 0,
          y1: 6,
          x2: 16,
          y2: 6,
          stroke: seriesColour(index),
          'stroke-width': 2.5,
          'stroke-dasharray': seriesDash(index),
        }),
  );
}

function legend(input: ChartInput, mark: LegendMark): HTMLElement | null {
  if (input.series.length < 2) return null;
  return h(
    'ul',
    { class: 'legend', 'aria-hidden': 'true' },
    input.series.map((serie, i) => h('li', null, swatch(input, i, mark), serie.name)),
  );
}

function frame(input: ChartInput, svg: SVGElement, mark: LegendMark): HTMLElement {
  return h('figure', { class: 'chart', 'data-chart': input.id }, svg, legend(input, mark), dataTable(input));
}

function svgRoot(input: ChartInput, width: number, height: number): SVGElement {
  return s(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${input.id}-title`,
      'aria-describedby': `${input.id}-desc`,
    },
    s('title', { id: `${input.id}-title` }, input.title),
    s('desc', { id: `${input.id}-desc` }, input.description),
  );
}

/**
 * A horizontal bar chart: one bar per category (stacked when there are several series).
 *
 * @example
 * ```ts
 * barChart({ id: 'shares', title: 'Shares', description: '…', tableLabel: 'Table',
 *   categories: ['LinkedIn'], categoryLabel: 'Platform', series: [{ name: 'Shares', values: [12] }] });
 * ```
 */
export function barChart(input: ChartInput): HTMLElement {
  const grouped = input.grouped === true && input.series.length > 1;
  const barHeight = 20;
  const rowHeight = grouped ? barHeight * input.series.length + 10 : 28;
  const width = drawnWidth(input.width, 680);
  const labelWidth = Math.min(230, Math.round(width * 0.42));
  const height = Math.max(rowHeight * input.categories.length + 10, 40);
  const rowValue = (row: number) =>
    grouped
      ? Math.max(0, ...input.series.map((serie) => serie.values[row] ?? 0))
      : input.series.reduce((sum, serie) => sum + (serie.values[row] ?? 0), 0);
  const max = Math.max(1, ...input.categories.map((_, row) => rowValue(row)));
  const scale = (width - labelWidth - 70) / max;
  const fmt = input.formatValue ?? ((value: number) => String(value));
  const svg = svgRoot(input, width, height);
  if (input.series.length > 1) svg.appendChild(seriesPatterns(input.id, input.series.length));
  input.categories.forEach((category, row) => {
    const y = 5 + row * rowHeight;
    svg.appendChild(
      s(
        'text',
        {
          x: labelWidth - 8,
          y: y + rowHeight / 2 + 1,
          'text-anchor': 'end',
          'font-size': 13,
          fill: 'currentColor',
        },
        fitted(category, labelWidth - 12, 13),
      ),
    );
    let x = labelWidth;
    input.series.forEach((serie, i) => {
      const value = serie.values[row] ?? 0;
      const w = value * scale;
      if (grouped) {
        const by = y + i * barHeight;
        if (w > 0)
          svg.appendChild(
            s('rect', {
              x: labelWidth,
              y: by + 2,
              width: w,
              height: barHeight - 4,
              fill: seriesFill(input.id, i),
              'data-series': i,
            }),
          );
        svg.appendChild(
          s('text', { x: labelWidth + w + 6, y: by + 15, 'font-size': 12, fill: 'currentColor' }, fmt(value)),
        );
      } else {
        if (w > 0)
          svg.appendChild(
            s('rect', {
              x,
              y: y + 3,
              width: w,
              height: rowHeight - 8,
              fill: seriesFill(input.id, i),
              'data-series': i,
            }),
          );
        x += w;
      }
    });
    if (!grouped)
      svg.appendChild(
        s('text', { x: x + 6, y: y + 17, 'font-size': 13, fill: 'currentColor' }, fmt(rowValue(row))),
      );
  });
  return frame(input, svg, 'bar');
}

/**
 * A line chart over time: categories are the periods on the x axis, one line per series.
 *
 * @example
 * ```ts
 * lineChart({ id: 'over-time', title: 'Shares per month', description: '…', tableLabel: 'Table',
 *   categories: ['2026-01', '2026-02'], categoryLabel: 'Period', series: [{ name: 'LinkedIn', values: [3, 5] }] });
 * ```
 */
export function lineChart(input: ChartInput): HTMLElement {
  const width = drawnWidth(input.width, 640);
  const height = 240;
  const left = 40;
  const bottom = 30;
  const top = 10;
  const max = Math.max(1, ...input.series.flatMap((serie) => serie.values));
  const fmt = input.formatValue ?? ((value: number) => String(value));
  const n = Math.max(1, input.categories.length - 1);
  const x = (i: number) => left + (i * (width - left - 10)) / n;
  const y = (v: number) => top + (height - top - bottom) * (1 - v / max);
  const svg = svgRoot(input, width, height);
  svg.appendChild(
    s('line', {
      x1: left,
      y1: y(0),
      x2: width - 10,
      y2: y(0),
      stroke: 'currentColor',
      'stroke-opacity': 0.7,
    }),
  );
  svg.appendChild(
    s(
      'text',
      { x: left - 6, y: y(max) + 4, 'text-anchor': 'end', 'font-size': 12, fill: 'currentColor' },
      fmt(max),
    ),
  );
  svg.appendChild(
    s(
      'text',
      { x: left - 6, y: y(0) + 4, 'text-anchor': 'end', 'font-size': 12, fill: 'currentColor' },
      fmt(0),
    ),
  );
  // At most six period labels, fewer where they would touch (a label is about 50 units wide).
  const labels = Math.max(2, Math.min(6, Math.floor((width - left - 10) / 70)));
  const step = Math.max(1, Math.ceil(input.categories.length / labels));
  input.categories.forEach((category, i) => {
    const last = i === input.categories.length - 1;
    if ((i % step === 0 && input.categories.length - 1 - i >= step) || last) {
      const anchor = last ? 'end' : i === 0 ? 'start' : 'middle';
      svg.appendChild(
        s(
          'text',
          { x: x(i), y: height - 8, 'text-anchor': anchor, 'font-size': 12, fill: 'currentColor' },
          category,
        ),
      );
    }
  });
  input.series.forEach((serie, i) => {
    const points = serie.values.map((v, j) => `${x(j).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    svg.appendChild(
      s('polyline', {
        points,
        fill: 'none',
        stroke: seriesColour(i),
        'stroke-width': 2.5,
        'stroke-dasharray': seriesDash(i),
        'data-series': i,
      }),
    );
  });
  return frame(input, svg, 'line');
}
