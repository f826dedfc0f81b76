/**
 * The top of the page: what ran, how fast, how well it packed, and how much
 * of the fleet is in use.
 *
 * @module
 */
import type { SimulationReport } from '../SimulationReport';
import { escapeHtml } from './escapeHtml';
import { formatBytes, formatCount, formatDecimal, formatPercent, MISSING } from './format';

function stat(label: string, value: string, note?: string): string {
  return `<div><dt>${escapeHtml(label)}</dt><dd>${value}</dd>${note === undefined ? '' : `<dd class="note">${escapeHtml(note)}</dd>`}</div>`;
}

// Memory is reported in MiB; large amounts read better in GiB or TiB.
function formatAmount(resource: string, amount: number): string {
  if (resource === 'memory') return formatBytes(amount * 1024 * 1024);
  if (resource === 'cpu') return `${formatCount(amount)} cpu units`;
  return formatCount(amount);
}

// cpu and memory first, the resources everyone reads; others in name order.
function resourceOrder(a: string, b: string): number {
  const rank = (name: string): number => (name === 'cpu' ? 0 : name === 'memory' ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function utilizationMeters(report: SimulationReport): string {
  const { utilization, stranded } = report.metrics;
  const resources = Object.keys(utilization).sort(resourceOrder);
  if (resources.length === 0) return '<p class="note">No utilization measured: no instance runs a task.</p>';
  const items = resources.map((resource) => {
    const fraction = utilization[resource] ?? Number.NaN;
    const width = Number.isFinite(fraction) ? Math.min(100, Math.max(0, fraction * 100)) : 0;
    const left = stranded[resource];
    const note = left !== undefined && Number.isFinite(left) && left > 0 ? `${formatAmount(resource, left)} stranded` : '';
    return (
      `<li><span class="meter-name">${escapeHtml(resource)}</span>` +
      `<span class="meter" role="img" aria-label="${escapeHtml(`${resource} ${formatPercent(fraction)} in use`)}"><span style="width:${width.toFixed(1)}%"></span></span>` +
      `<span class="meter-value">${escapeHtml(formatPercent(fraction))}</span>` +
      `<span class="meter-note">${escapeHtml(note)}</span></li>`
    );
  });
  return `<ul class="meters">${items.join('')}</ul>`;
}

function lowerBoundNote(report: SimulationReport): string {
  const { lowerBound } = report.metrics;
  const byResource = Object.entries(lowerBound.byResource)
    .sort(([a], [b]) => resourceOrder(a, b))
    .map(([resource, bound]) => `${resource} ${formatCount(bound)}`)
    .join(', ');
  return `lower bound ${formatCount(lowerBound.instances)} (${lowerBound.method}${byResource === '' ? '' : `; ${byResource}`})`;
}

/**
 * The page header and summary card: scenario name, seed, instance count and
 * zones, then placements, speed, packing and the fleet's utilization.
 *
 * @param report - the simulation report
 * @returns the markup
 */
export function renderSummary(report: SimulationReport): string {
  const { scenario, metrics, timing } = report;
  const zones = scenario.zones.length === 0 ? 'no zones' : `${formatCount(scenario.zones.length)} ${scenario.zones.length === 1 ? 'zone' : 'zones'}: ${scenario.zones.join(', ')}`;
  const header =
    '<header>' +
    '<p class="eyebrow">Task placement simulation</p>' +
    `<h1>${escapeHtml(scenario.name)}</h1>` +
    `<p class="meta">Seed <strong>${escapeHtml(String(scenario.seed))}</strong> · <strong>${escapeHtml(formatCount(scenario.instances))}</strong> instances · ${escapeHtml(zones)}</p>` +
    '<ul class="toc" aria-label="Sections">' +
    [
      ['#heatmap', 'Utilization per instance'],
      ['#zones', 'Tasks per zone'],
      ['#free-capacity', 'Free capacity'],
      ['#failures', 'Failures'],
      ['#services', 'Services'],
    ]
      .map(([href, label]) => `<li><a href="${href ?? ''}">${label ?? ''}</a></li>`)
      .join('') +
    '</ul></header>';
  const ratio = metrics.packingRatio;
  const stats = [
    stat('Placements', escapeHtml(formatCount(timing.placements)), `in ${formatDecimal(timing.elapsedMs, 1)} ms of placement calls`),
    stat('Placements per second', escapeHtml(formatCount(timing.placementsPerSecond))),
    stat(
      'Instances used',
      `${escapeHtml(formatCount(metrics.instancesUsed))} <small>of ${escapeHtml(formatCount(scenario.instances))}</small>`,
      lowerBoundNote(report),
    ),
    stat('Packing ratio', escapeHtml(ratio === null ? MISSING : formatDecimal(ratio, 2)), ratio === null ? 'no lower bound: nothing to pack' : 'instances used ÷ lower bound; 1 is perfect'),
  ];
  if (timing.peakHeapBytes !== undefined) stats.push(stat('Peak heap', escapeHtml(formatBytes(timing.peakHeapBytes))));
  return (
    header +
    '<section class="card" aria-labelledby="summary-title">' +
    '<h2 id="summary-title" class="visually-hidden">Summary</h2>' +
    `<dl class="stats">${stats.join('')}</dl>` +
    '<h3>Fleet utilization <span class="muted">(used ÷ registered, over the instances in use)</span></h3>' +
    utilizationMeters(report) +
    '</section>'
  );
}
