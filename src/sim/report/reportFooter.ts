/**
 * The foot of the page: what made the report, when, and how.
 *
 * @module
 */
import { escapeHtml } from './escapeHtml';
import { quoteCommandLine } from './quoteCommandLine';
import type { ReportOptions } from './validateReportOptions';

/**
 * Writes a date as a person reads it, in UTC so that the page is the same
 * wherever it is made: `2026-12-06 15:32 UTC`.
 *
 * @param time - milliseconds since the epoch, a valid date
 * @returns the text
 */
function formatReportDate(time: number): string {
  const iso = new Date(time).toISOString();
  const match = /^(.+)T(\d\d:\d\d):\d\d\.\d{3}Z$/.exec(iso);
  return match === null ? iso : `${match[1] ?? ''} ${match[2] ?? ''} UTC`;
}

/**
 * The footer: the library and its version, the date and the command line
 * when the caller gave them.
 *
 * @param options - the checked options of the report
 * @returns the markup
 */
export function renderFooter(options: ReportOptions): string {
  const made = `task-placement${options.version === undefined ? '' : ` <span class="version">${escapeHtml(options.version)}</span>`} simulation report`;
  const date = options.generatedAt === undefined ? '' : `, generated <span class="generated">${escapeHtml(formatReportDate(options.generatedAt))}</span>`;
  const command = options.commandLine === undefined ? '' : `<p>Command: <code class="command-line">${escapeHtml(quoteCommandLine(options.commandLine))}</code></p>`;
  return `<footer><p>${made}${date}</p>${command}</footer>`;
}
