/**
 * The page's style sheet, inlined so the page needs nothing but itself.
 *
 * @module
 */

/**
 * CSS for the report page. Text colours keep at least 4.5:1 contrast on
 * their backgrounds; fonts are the system's, so nothing is fetched.
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
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
svg.chart text { fill: var(--text); font-size: 12px; }
svg.chart .tick { fill: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
svg.chart .axis-title { fill: var(--muted); font-size: 12px; font-weight: 600; }
svg.chart .grid-line { stroke: #e3e7ec; stroke-width: 1; }
svg.chart .axis-line { stroke: #8c959f; stroke-width: 1; }
svg.chart .legend-tick { stroke: #57606a; stroke-width: 1; }
svg.chart .legend-ramp { stroke: #8c959f; stroke-width: 0.5; }
svg.chart .legend-text { font-size: 12px; }
svg.chart .panel-title { font-size: 13px; font-weight: 650; }
svg.chart .panel-note, svg.chart .category-note { fill: var(--muted); font-size: 11px; }
svg.chart .row-label { fill: var(--muted); font-size: 11px; }
svg.chart .category { font-size: 12px; font-weight: 600; }
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
.table-box { overflow-x: auto; margin-top: 18px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
caption { text-align: left; font-weight: 600; font-size: 14px; padding: 0 0 8px; }
th, td { padding: 8px 10px; border-bottom: 1px solid #e3e7ec; text-align: left; vertical-align: top; }
thead th { background: var(--tint); color: var(--muted); font-size: 12px; font-weight: 600; border-bottom: 1px solid var(--border); }
tbody th { font-weight: 600; min-width: 14ch; overflow-wrap: break-word; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); }
.short { display: block; color: var(--warn); font-size: 12px; font-weight: 600; }
.diagnosis { max-width: 60ch; }
code { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; background: #eef1f4; border-radius: 4px; padding: 1px 5px; overflow-wrap: anywhere; }
ul.plain, ul.chips { list-style: none; margin: 0; padding: 0; }
ul.chips { display: flex; flex-wrap: wrap; gap: 4px; }
ul.plain li + li { margin-top: 2px; }
.note { color: var(--muted); margin: 12px 0 0; }
footer { color: var(--muted); font-size: 12px; text-align: center; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
