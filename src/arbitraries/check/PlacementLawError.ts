/**
 * The error {@link assertPlacement} throws.
 *
 * @module
 */
import { formatViolations, type PlacementViolation } from './PlacementViolation';

/**
 * A placement broke laws: the message lists them one per line, the causes
 * first, and says how many of them are consequences of an earlier one;
 * `violations` holds them as data.
 */
export class PlacementLawError extends Error {
  /** The broken laws, as {@link checkPlacement} returns them. */
  readonly violations: readonly PlacementViolation[];

  /** @param violations - at least one broken law */
  constructor(violations: readonly PlacementViolation[]) {
    const consequences = violations.filter((violation) => violation.consequence === true).length;
    const causes = violations.length - consequences;
    const count = causes === 1 ? '1 law' : `${causes} laws`;
    const following = consequences === 0 ? '' : `, and ${consequences === 1 ? '1 consequence follows' : `${consequences} consequences follow`}`;
    super(`The placement broke ${count}${following}:\n${formatViolations(violations)}`);
    this.name = 'PlacementLawError';
    this.violations = violations;
  }
}
