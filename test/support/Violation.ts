/**
 * One broken law.
 *
 * @remarks
 * `law` names it (`resources`, `ports`, `binpack`, `finalTie`,
 * `failureReason`, ...); `step` is the index of the request's task it
 * concerns, or -1 for the state before the request.
 */
export interface Violation {
  readonly law: string;
  readonly step: number;
  readonly detail: string;
}

/** The violations as lines, for assertion messages. */
export function formatViolations(violations: readonly Violation[]): string {
  return violations.map(({ law, step, detail }) => `[${law}] ${step < 0 ? 'state' : `task ${step}`}: ${detail}`).join('\n');
}
