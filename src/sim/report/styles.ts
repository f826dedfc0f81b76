/**
 * The page's style sheet, inlined so the page needs nothing but itself.
 *
 * @module
 */
import { GRID_COLUMNS, gridWidth } from './panelGrid';
import { FLUID_MIN_WIDTH } from './svg';

// What the page puts around a chart box on a wide screen: main's and the
// card's padding and border, and room for a scrollbar.
const WIDE_FRAME = 2 * 24 + 2 * 24 + 2 + 17;
// A fluid chart leaves room on its left for its first tick label and on its
// right for the value at the end of its longest bar.
const FLUID_LEFT = 8;
const FLUID_RIGHT = 48;

// Each grid layout from the screen width at which its panels fit side by side.
const GRID_CSS = GRID_COLUMNS.map((columns) => {
  const rules = `svg.chart.grid { width: var(--w${columns}); height: var(--h${columns}); } svg.chart.grid .panel { transform: translate(var(--x${columns}), var(--y${columns})); }`;
  return columns === 1 ? rules : `@media (min-width: ${gridWidth(columns) + WIDE_FRAME}px) { ${rules} }`;
}).join('\n');

/**
 * CSS for the report page. Text colours keep at least 4.5:1 contrast on
 * their backgrounds; fonts are the system's, so nothing is fetched. Charts
 * are never scaled, so no text gets smaller than 11 px: fluid charts stretch
 * across their box, grids of panels re-flow at the widths where another
 * column fits, and anything wider than the screen scrolls inside its own box.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light;
  --text: #1f2328;
  --muted: #57606a;
  --border: #d0d7de;
  --page: #f3f5f8;
  --card: #ffffff;
  --tint: #f6f8fa;
  --accent: #0072b2;
  --warn: #b42318;
}
* { box-sizing: border-box; }
body {
  margin: 0;
  background: var(--page);
  color: var(--text);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1200px; margin: 0 auto; padding: 28px 24px 40px; }
h1 { font-size: 30px; line-height: 1.2; margin: 2px 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 18px; line-height: 1.3; margin: 0 0 4px; }
h3 { font-size: 14px; margin: 0 0 10px; }
.eyebrow { margin: 0; font-size: 12px; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); }
.meta { margin: 0 0 12px; color: var(--muted); overflow-wrap: anywhere; }
.meta strong { color: var(--text); }
.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 0 20px; padding: 0; list-style: none; font-size: 13px; }
.toc a { color: var(--accent); text-decoration: none; }
.toc a:hover, .toc a:focus { text-decoration: underline; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 10px; padding: 20px 24px; margin: 0 0 20px; }
figure.card { margin: 0 0 20px; }
figcaption p, .card > p.lead { margin: 0 0 16px; color: var(--muted); max-width: 90ch; }
.chart-box { overflow-x: auto; }
svg.chart { display: block; max-width: none; font-family: inherit; }
svg.chart.fluid { width: calc(100% - ${FLUID_LEFT + FLUID_RIGHT}px); min-width: ${FLUID_MIN_WIDTH}px; margin: 0 ${FLUID_RIGHT}px 0 ${FLUID_LEFT}px; overflow: visible; }
${GRID_CSS}
svg.chart text { fill: var(--text); font-size: 12px; }
svg.chart .tick { fill: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
svg.chart .axis-title { fill: var(--muted); font-size: 12px; font-weight: 600; }
svg.chart .grid-line { stroke: #e3e7ec; stroke-width: 1; }
svg.chart .axis-line { stroke: #8c959f; stroke-width: 1; }
svg.chart .legend-tick { stroke: #57606a; stroke-width: 1; }
svg.chart .legend-ramp { stroke: #8c959f; stroke-width: 0.5; }
svg.chart .legend-text { font-size: 12px; }
svg.chart .panel-title { font-size: 13px; font-weight: 650; }
svg.chart .panel-note, svg.chart .category-note { fill: var(--muted); font-size: 11px; font-weight: 400; }
svg.chart .row-label { fill: var(--muted); font-size: 11px; }
svg.chart .row-label.none { font-style: italic; }
svg.chart .category { font-size: 12px; font-weight: 600; paint-order: stroke; stroke: var(--card); stroke-width: 3px; stroke-linejoin: round; }
svg.chart .value { font-size: 11px; font-variant-numeric: tabular-nums; }
svg.chart .bar, svg.chart .swatch { stroke: rgba(31, 35, 40, 0.45); stroke-width: 0.5; }
svg.chart .inactive { stroke: #ffffff; stroke-width: 1.5; }
svg.chart .cell:hover rect { stroke: #1f2328; stroke-width: 1; }
svg.chart .empty { fill: var(--muted); font-size: 14px; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(165px, 1fr)); gap: 12px; margin: 0 0 22px; }
.stats > div { background: var(--tint); border: 1px solid #e3e7ec; border-radius: 8px; padding: 12px 14px; }
.stats dt { font-size: 12px; color: var(--muted); }
.stats dd { margin: 0; font-size: 24px; font-weight: 650; line-height: 1.3; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.stats dd small { font-size: 14px; font-weight: 500; color: var(--muted); }
.stats dd.note { font-size: 12px; font-weight: 400; color: var(--muted); line-height: 1.4; }
.meters { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; max-width: 820px; }
.meters li { display: grid; grid-template-columns: minmax(80px, 140px) minmax(120px, 1fr) 56px minmax(0, 220px); align-items: center; gap: 12px; }
.meter-name { font-weight: 600; overflow-wrap: anywhere; }
.meter { height: 12px; background: #e3e7ec; border-radius: 6px; overflow: hidden; }
.meter > span { display: block; height: 100%; background: var(--accent); border-radius: 6px; }
.meter-value { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.meter-note { color: var(--muted); font-size: 12px; }
.legend { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; list-style: none; margin: 0 0 14px; padding: 0; font-size: 12px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend .swatch { display: inline-block; width: 12px; height: 12px; border: 0.5px solid rgba(31, 35, 40, 0.45); }
.key-cell { display: inline-flex; flex-direction: column; width: 24px; height: 24px; }
.key-cell > span { flex: 1; }
.inactive-key { width: 18px; height: 18px; background: linear-gradient(to top right, #440154 calc(50% - 1px), #ffffff calc(50% - 1px), #ffffff calc(50% + 1px), #440154 calc(50% + 1px)); }
.legend .ramp-key { display: grid; gap: 3px; justify-items: start; }
.ramp { display: block; width: 200px; height: 12px; border: 0.5px solid #8c959f; }
.ramp-ticks { display: flex; justify-content: space-between; width: 200px; color: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
.table-box { overflow-x: auto; margin-top: 18px; }
table { border-collapse: collapse; width: 100%; min-width: 600px; font-size: 13px; }
caption { text-align: left; font-weight: 600; font-size: 14px; padding: 0 0 8px; }
th, td { padding: 8px 10px; border-bottom: 1px solid #e3e7ec; text-align: left; vertical-align: top; }
thead th { background: var(--tint); color: var(--muted); font-size: 12px; font-weight: 600; border-bottom: 1px solid var(--border); }
tbody th { font-weight: 600; min-width: 14ch; overflow-wrap: break-word; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); }
.short { display: block; color: var(--warn); font-size: 12px; font-weight: 600; }
.diagnosis { min-width: 34ch; max-width: 60ch; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; background: #eef1f4; border-radius: 4px; padding: 1px 5px; overflow-wrap: break-word; }
li.reason { min-width: 18ch; }
ul.plain, ul.chips { list-style: none; margin: 0; padding: 0; }
ul.chips { display: flex; flex-wrap: wrap; gap: 4px; }
ul.plain li + li { margin-top: 2px; }
.note { color: var(--muted); margin: 12px 0 0; }
footer { color: var(--muted); font-size: 12px; text-align: center; line-height: 1.7; }
footer p { margin: 0; }
footer code { overflow-wrap: anywhere; }
@media (max-width: 640px) {
  main { padding: 16px 8px 28px; }
  .card { padding: 14px 12px; border-radius: 8px; }
  h1 { font-size: 24px; }
  .stats dd { font-size: 20px; }
  .meters li { grid-template-columns: minmax(56px, 90px) minmax(0, 1fr) 48px; gap: 4px 10px; }
  .meter-note { grid-column: 1 / -1; }
}
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
