/**
 * The error {@link assertPlacement} throws.
 *
 * @module
 */
import { formatViolations, type PlacementViolation } from './PlacementViolation';

/**
 * A placement broke laws: the message lists them one per line, and
 * `violations` holds them as data.
 */
export class PlacementLawError extends Error {
  /** The broken laws, as {@link checkPlacement} returns them. */
  readonly violations: readonly PlacementViolation[];

  /** @param violations - at least one broken law */
  constructor(violations: readonly PlacementViolation[]) {
    const count = violations.length === 1 ? '1 law' : `${violations.length} laws`;
    super(`The placement broke ${count}:\n${formatViolations(violations)}`);
    this.name = 'PlacementLawError';
    this.violations = violations;
  }
}
