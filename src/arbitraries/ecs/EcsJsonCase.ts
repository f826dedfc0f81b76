/**
 * What the arbitraries of ECS's JSON generate: a document, and when it is
 * broken, the one fault a reader must refuse it for.
 *
 * @module
 */
import type { PlacementInputErrorCode } from '../../model/PlacementInputError';

/** A JSON object as ECS writes it, or nearly. */
export type EcsJsonObject = { [field: string]: unknown };

/**
 * Which documents to generate: only documents ECS would accept, only
 * documents broken in exactly one way, or both, half and half.
 */
export type EcsJsonValidity = 'valid' | 'invalid' | 'mixed';

/** The one way a generated document is broken. */
export interface EcsFault {
  /** What was broken, such as `fractional_amount`: stable, for `fc.statistics` and for choosing cases. */
  readonly kind: string;
  /** Where a reader must report it, as task-placement's readers write paths, such as `containerInstances[1].registeredResources[0].integerValue`. */
  readonly path: string;
  /** The code of the `PlacementInputError` task-placement's reader refuses the document with. */
  readonly code: PlacementInputErrorCode;
}

/** A generated document, and its fault when it has one. */
export interface EcsJsonCase {
  /** The document, as parsed JSON: a fresh object each time, free to change. */
  readonly value: EcsJsonObject;
  /** Absent when the document is valid. */
  readonly fault?: EcsFault;
}

/** A generated request, with the task definition it runs (always valid: only the request may be broken). */
export interface EcsRequestCase extends EcsJsonCase {
  /** The task definition the request names, as RegisterTaskDefinition takes it or DescribeTaskDefinition returns it. */
  readonly taskDefinition: EcsJsonObject;
}
