/**
 * Simulated fleets, all at once.
 *
 * @module
 */
import type { InstanceSpec } from '../model/InstanceSpec';
import type { FleetOptions } from './Scenario';
import { streamFleet } from './streamFleet';

/**
 * A seeded fleet of realistic ECS container instances: the same seed gives
 * the same fleet on every machine.
 *
 * @remarks
 * Instance types are drawn by family weight, then uniformly within the
 * family, from {@link INSTANCE_TYPES}, and register what
 * {@link instanceResources} says. Each instance has a container instance ARN
 * id (`arn:aws:ecs:<region>:123456789012:container-instance/sim/<8 hex>`,
 * unique), an EC2 id (`i-` and 17 hex digits), a zone (mostly round-robin,
 * a quarter drawn at random), the built-in attributes
 * (`ecs.availability-zone`, `ecs.instance-type`, `ecs.os-type`,
 * `ecs.os-family`, `ecs.cpu-architecture`, `ecs.ami-id`, `ecs.vpc-id`,
 * `ecs.subnet-id`, one subnet per zone), value-less capabilities (such as
 * `ecs.capability.task-eni`), custom attributes (`stack` = `prod` on 70% and
 * `staging` on 20%, `rack` on 30%, `lifecycle` = `spot` on 20% and
 * `on-demand` on the rest), an agent version, a registration time within 180
 * days before 2025-06-01, and ECS's default reserved TCP ports
 * `[22, 2375, 2376, 51678, 51679]`. A `drainingFraction` of them are
 * DRAINING and a `disconnectedFraction` have their agent disconnected, each
 * drawn independently.
 *
 * @param options - the fleet's size and shape
 * @returns `options.size` instance specs, in registration order
 * @throws `PlacementInputError` with paths under `options` when an option is out of range
 * @example
 * ```ts
 * const fleet = generateFleet({ size: 300, seed: 42, zones: 3, drainingFraction: 0.05 });
 * const cluster = new Cluster({ instances: fleet, seed: 42 });
 * ```
 */
export function generateFleet(options: FleetOptions): InstanceSpec[] {
  return Array.from(streamFleet(options));
}
