/**
 * The fixed strings simulated fleets are made of. Every instance shares
 * them, so a million-instance fleet holds one copy of each.
 *
 * @module
 */

/** The AWS account in every simulated ARN. */
export const ACCOUNT_ID = '123456789012';

/** The cluster name in every simulated container instance ARN. */
export const CLUSTER_NAME = 'sim';

/** The VPC every simulated instance is in. */
export const VPC_ID = 'vpc-0a1b2c3d4e5f60789';

/** One subnet per zone, by zone position. */
export const SUBNET_IDS: readonly string[] = [
  'subnet-0f1e2d3c4b5a69781', 'subnet-0e2d3c4b5a6978102', 'subnet-0d3c4b5a697810213',
  'subnet-0c4b5a69781021324', 'subnet-0b5a6978102132435', 'subnet-0a697810213243546',
];

/**
 * Container agent versions and how often each is seen: fleets upgrade
 * gradually, so most instances run a recent agent and a few lag behind.
 */
export const AGENT_VERSIONS: readonly { readonly version: string; readonly weight: number }[] = [
  { version: '1.70.2', weight: 1 },
  { version: '1.82.1', weight: 2 },
  { version: '1.86.3', weight: 4 },
  { version: '1.89.2', weight: 3 },
];

/**
 * ECS-optimized AMIs by image kind, older first. An instance with one of the
 * two oldest agents runs the older AMI, so the two attributes agree as they
 * would after a real AMI roll.
 */
export const AMI_IDS = {
  x86_64: ['ami-0a8b6cbe1f4d2e9c3', 'ami-05c7e9d2a1b3f4e68'],
  arm64: ['ami-0d9f1c3e5a7b2c4d6', 'ami-07e2a4c6b8d0f1e35'],
  gpu: ['ami-0c3e5a7b9d1f2a4c8', 'ami-0b4d6f8a0c2e4f6a1'],
} as const;

/** The first agent version index that comes with the newer AMI. */
export const NEWER_AMI_FROM_AGENT = 2;

/**
 * Capabilities the agent reports on every simulated instance; attributes
 * without a value, which task definitions name in `requiresAttributes`.
 */
export const CAPABILITIES: readonly string[] = [
  'com.amazonaws.ecs.capability.docker-remote-api.1.44',
  'com.amazonaws.ecs.capability.logging-driver.awslogs',
  'com.amazonaws.ecs.capability.task-iam-role',
  'com.amazonaws.ecs.capability.privileged-container',
  'ecs.capability.execution-role-awslogs',
  'ecs.capability.task-eni',
];

/** The TCP ports ECS's agent reserves by default on Linux. */
export const RESERVED_TCP_PORTS: readonly number[] = Object.freeze([22, 2375, 2376, 51678, 51679]);

/** Values of the custom `stack` attribute, with the chance of each; the rest have none. */
export const STACKS: readonly { readonly value: string; readonly chance: number }[] = [
  { value: 'prod', chance: 0.7 },
  { value: 'staging', chance: 0.2 },
];

/** Chance that an instance has a `rack` attribute. */
export const RACK_CHANCE = 0.3;

/** The racks named by the `rack` attribute. */
export const RACKS: readonly string[] = Array.from({ length: 12 }, (_, index) => `rack-${String(index + 1).padStart(2, '0')}`);

/** Chance that an instance is a spot instance (`lifecycle` = `spot`, else `on-demand`). */
export const SPOT_CHANCE = 0.2;

/** Simulated instances registered within this many days before {@link FLEET_EPOCH}. */
export const REGISTRATION_WINDOW_DAYS = 180;

/** The fixed moment fleets are generated at, so registration dates do not depend on the clock: 2025-06-01T00:00:00Z. */
export const FLEET_EPOCH = Date.UTC(2025, 5, 1);
