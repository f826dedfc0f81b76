/**
 * The placement fields of a request built with the AWS SDK for JavaScript,
 * as `Cluster.place` takes them.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import type { PlacementConstraint, PlacementStrategy } from '../model/PlacementRequest';
import { indexPath } from '../model/validation/paths';
import { validateConstraints } from '../model/validation/validateConstraints';
import { validateStrategies } from '../model/validation/validateStrategies';
import { refuseExtensionConstraints } from './refuseExtensionConstraints';
import { refuseExtensionStrategies } from './refuseExtensionStrategies';

/**
 * The placement fields of an ECS request as the AWS SDK for JavaScript v3
 * (`@aws-sdk/client-ecs`) types them, in `RunTaskCommandInput`,
 * `CreateServiceCommandInput` or a described `Service`: its
 * `PlacementStrategy[]` and `PlacementConstraint[]`, whose every member is
 * optional and may be `undefined`.
 */
export interface EcsPlacementFields {
  /** The strategies, as the SDK's `PlacementStrategy[]`. */
  readonly placementStrategy?: readonly {
    /** `binpack`, `spread` or `random`; required by ECS, though the SDK types it as optional. */
    readonly type?: string | undefined;
    /** What the strategy applies to. */
    readonly field?: string | undefined;
  }[] | undefined;
  /** The constraints, as the SDK's `PlacementConstraint[]`. */
  readonly placementConstraints?: readonly {
    /** `memberOf` or `distinctInstance`. */
    readonly type?: string | undefined;
    /** The cluster query language expression of a memberOf constraint. */
    readonly expression?: string | undefined;
  }[] | undefined;
}

/**
 * Checks the SDK's placement fields by the library's rules and gives them
 * as {@link task-placement!PlacementRequest} has them, to spread into a request.
 *
 * @remarks
 * The SDK types every member as optional, because ECS's API model does; the
 * library's types say what ECS requires (a strategy's `type`, a memberOf
 * constraint's `expression`), so the SDK's arrays do not go into
 * `Cluster.place` as they are. This checks them as `Cluster.place` would,
 * at the same paths, and returns them typed. A field that is `undefined`
 * (or `null`, as JSON has it) is absent. binpack's `CPU` and `MEMORY`, as
 * ECS reports them and CDK writes them, come back as `cpu` and `memory`.
 *
 * @param fields - an object with the SDK's `placementStrategy` and
 *   `placementConstraints`, such as the input of a `RunTaskCommand`
 * @returns the fields given, checked
 * @throws {@link task-placement!PlacementInputError} with the path of the first
 *   fault, such as `missing_field` at `placementStrategy[0].type`,
 *   `invalid_strategy_field` at `placementStrategy[1].field`, or
 *   `invalid_strategy` at `placementStrategy[0]` for a Strategy object (give
 *   those to `Cluster.place` directly)
 *
 * @example
 * ```ts
 * import type { PlacementConstraint, PlacementStrategy } from '@aws-sdk/client-ecs';
 *
 * const placementStrategy: PlacementStrategy[] = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'MEMORY' }];
 * const placementConstraints: PlacementConstraint[] = [{ type: 'distinctInstance' }];
 * cluster.place({ task, count: 3, ...fromPlacementFields({ placementStrategy, placementConstraints }) });
 * ```
 */
export function fromPlacementFields(fields: EcsPlacementFields): {
  /** The strategies, when given. */
  readonly placementStrategy?: PlacementStrategy[];
  /** The constraints, when given. */
  readonly placementConstraints?: PlacementConstraint[];
} {
  const strategies = fields.placementStrategy ?? undefined;
  const constraints = fields.placementConstraints ?? undefined;
  return {
    ...(strategies === undefined ? {} : { placementStrategy: checkedStrategies(strategies) }),
    ...(constraints === undefined ? {} : { placementConstraints: checkedConstraints(constraints) }),
  };
}

function checkedStrategies(list: unknown): PlacementStrategy[] {
  refuseExtensionStrategies(list, 'placementStrategy');
  return validateStrategies(list, 'placementStrategy').map((strategy, index) => {
    if (!('type' in strategy) || strategy.type === 'pack' || strategy.type === 'prefer') {
      throw new PlacementInputError('invalid_strategy', indexPath('placementStrategy', index), "Give ECS's { type, field } here; a Strategy object goes to Cluster.place as it is.");
    }
    return strategy.type === 'random' ? { type: 'random' } : { type: strategy.type, field: strategy.field };
  });
}

function checkedConstraints(list: unknown): PlacementConstraint[] {
  refuseExtensionConstraints(list, 'placementConstraints');
  return validateConstraints(list, 'placementConstraints', { allowDistinctInstance: true, alreadyCounted: 0 }).map((constraint) =>
    constraint.type === 'memberOf' ? { type: 'memberOf', expression: constraint.expression } : { type: 'distinctInstance' });
}
