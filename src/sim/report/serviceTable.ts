/**
 * The per-service table: what each service asked for and what it got.
 *
 * @module
 */
import type { SimulationReport } from '../SimulationReport';
import { escapeHtml } from './escapeHtml';
import { totalFailures } from './failureChart';
import { formatCount, MISSING } from './format';

function chips(items: readonly string[]): string {
  if (items.length === 0) return `<span class="muted">${MISSING}</span>`;
  return `<ul class="chips">${items.map((item) => `<li><code>${escapeHtml(item)}</code></li>`).join('')}</ul>`;
}

/**
 * The services section: desired and running counts (with the shortfall
 * spelled out, not shown by colour alone), strategies, constraints, zone
 * skew and failures.
 *
 * @param report - the simulation report
 * @returns the markup
 */
export function renderServiceTable(report: SimulationReport): string {
  const heading = '<h2 id="services-title">Services</h2><p class="lead">Each service as the scenario defined it and how it ended.</p>';
  if (report.services.length === 0) {
    return `<section class="card" id="services" aria-labelledby="services-title">${heading}<p class="note">No services in this report.</p></section>`;
  }
  const rows = report.services.map((service) => {
    const missing = service.desiredCount - service.running;
    const shortfall = Number.isFinite(missing) && missing > 0 ? `<span class="short">${escapeHtml(formatCount(missing))} short</span>` : '';
    const failures = totalFailures(service);
    return (
      `<tr><th scope="row">${escapeHtml(service.name)}</th>` +
      `<td class="num">${escapeHtml(formatCount(service.desiredCount))}</td>` +
      `<td class="num">${escapeHtml(formatCount(service.running))}${shortfall}</td>` +
      `<td>${chips(service.strategies)}</td>` +
      `<td>${chips(service.constraints)}</td>` +
      `<td class="num">${escapeHtml(formatCount(service.zoneSkew))}</td>` +
      `<td class="num${failures === 0 ? ' muted' : ''}">${escapeHtml(formatCount(failures))}</td></tr>`
    );
  });
  return (
    `<section class="card" id="services" aria-labelledby="services-title">${heading}` +
    '<div class="table-box"><table>' +
    '<thead><tr><th scope="col">Service</th><th scope="col" class="num">Desired</th><th scope="col" class="num">Running</th>' +
    '<th scope="col">Strategies</th><th scope="col">Constraints</th><th scope="col" class="num">Zone skew</th><th scope="col" class="num">Failures</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table></div></section>`
  );
}
