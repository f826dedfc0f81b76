/**
 * Draws the instances of a simulated fleet, one at a time.
 *
 * @module
 */
import type { InstanceSpec } from '../../model/InstanceSpec';
import { SeededRandom } from '../../random/SeededRandom';
import { instanceResources, type InstanceResources } from '../instanceResources';
import type { InstanceType } from '../instanceTypes';
import { weightedPicker } from '../weightedPicker';
import {
  ACCOUNT_ID, AGENT_VERSIONS, AMI_IDS, CAPABILITIES, CLUSTER_NAME, FLEET_EPOCH, NEWER_AMI_FROM_AGENT, RACK_CHANCE, RACKS,
  REGISTRATION_WINDOW_DAYS, RESERVED_TCP_PORTS, SPOT_CHANCE, STACKS, SUBNET_IDS, VPC_ID,
} from './fleetVocabulary';
import { isoSeconds } from './isoSeconds';
import { hex8, permute32 } from './permute32';
import type { FleetPlan } from './resolveFleetOptions';

type Attributes = Readonly<Record<string, string | null>>;

/** Share of zone draws that follow round-robin; the rest pick a zone at random, so zones are near even but not exact. */
const ROUND_ROBIN_SHARE = 0.75;
const DAY_MS = 86_400_000;
const RESERVED_PORTS = Object.freeze({ tcp: RESERVED_TCP_PORTS });
const CAPABILITY_ATTRIBUTES: Attributes = Object.fromEntries(CAPABILITIES.map((name) => [name, null]));

/**
 * Turns instance positions into instance specs with a seeded generator.
 *
 * @remarks
 * Each instance takes the same ten draws in the same order (zone, type,
 * agent version, stack, rack, lifecycle, registration time, draining,
 * disconnected, EC2 id), so a seed gives the same fleet on every machine;
 * changing that order changes every fleet. Attribute records, resources and
 * reserved ports are frozen and shared by all instances with the same
 * values, which keeps a million specs small and fast to make.
 */
export class InstanceDrawer {
  private readonly random: SeededRandom;
  private readonly pickType: (uniform: number) => number;
  private readonly pickAgent = weightedPicker(AGENT_VERSIONS.map(({ weight }) => weight));
  private readonly resources: readonly Readonly<InstanceResources>[];
  private readonly attributeCache = new Map<number, Attributes>();
  private readonly idPrefix: string;
  private readonly idKey: number;
  private readonly ec2Key: number;
  private readonly formatTime = isoSeconds(FLEET_EPOCH - REGISTRATION_WINDOW_DAYS * DAY_MS);

  /** @param plan - the resolved fleet options */
  constructor(private readonly plan: FleetPlan) {
    this.random = new SeededRandom(plan.seed);
    this.pickType = weightedPicker(plan.typeWeights);
    this.resources = plan.types.map((type) => Object.freeze(instanceResources(type)));
    this.idPrefix = `arn:aws:ecs:${plan.region}:${ACCOUNT_ID}:container-instance/${CLUSTER_NAME}/`;
    this.idKey = this.uint32();
    this.ec2Key = this.uint32();
  }

  /**
   * Draws the next instance.
   *
   * @param index - the instance's position in the fleet, from 0, in order
   * @returns its spec
   */
  draw(index: number): InstanceSpec {
    const zone = this.drawZone(index);
    const typeIndex = this.pickType(this.random.next());
    const agent = this.pickAgent(this.random.next());
    const custom = this.drawCustom();
    const registeredAt = this.drawRegisteredAt();
    const draining = this.random.next() < this.plan.drainingFraction;
    const disconnected = this.random.next() < this.plan.disconnectedFraction;
    return {
      id: this.idPrefix + hex8(permute32(index, this.idKey)),
      ec2InstanceId: `i-0${hex8(this.uint32())}${hex8(permute32(index, this.ec2Key))}`,
      resources: this.resources[typeIndex] as InstanceResources,
      reservedPorts: RESERVED_PORTS,
      attributes: this.attributes(zone, typeIndex, agent >= NEWER_AMI_FROM_AGENT ? 1 : 0, custom),
      status: draining ? 'DRAINING' : 'ACTIVE',
      agentConnected: !disconnected,
      agentVersion: (AGENT_VERSIONS[agent] as { version: string }).version,
      registeredAt,
    };
  }

  private uint32(): number {
    return Math.floor(this.random.next() * 0x1_0000_0000) >>> 0;
  }

  /** A whole second within the registration window before the fixed epoch. */
  private drawRegisteredAt(): string {
    const secondsBefore = Math.floor(this.random.next() * REGISTRATION_WINDOW_DAYS * (DAY_MS / 1000));
    return this.formatTime(FLEET_EPOCH - secondsBefore * 1000);
  }

  private drawZone(index: number): number {
    const zones = this.plan.zones.length;
    const uniform = this.random.next();
    if (uniform < ROUND_ROBIN_SHARE) return index % zones;
    return Math.floor(((uniform - ROUND_ROBIN_SHARE) / (1 - ROUND_ROBIN_SHARE)) * zones) % zones;
  }

  /** The custom attributes: stack and rack as 1-based positions (0 for none), and whether the instance is spot. */
  private drawCustom(): { stack: number; rack: number; spot: boolean } {
    const stackDraw = this.random.next();
    let stack = 0;
    let threshold = 0;
    for (let index = 0; index < STACKS.length && stack === 0; index += 1) {
      threshold += (STACKS[index] as { chance: number }).chance;
      if (stackDraw < threshold) stack = index + 1;
    }
    const rackDraw = this.random.next();
    const rack = rackDraw < RACK_CHANCE ? Math.floor((rackDraw / RACK_CHANCE) * RACKS.length) + 1 : 0;
    return { stack, rack, spot: this.random.next() < SPOT_CHANCE };
  }

  private attributes(zone: number, typeIndex: number, amiGeneration: number, custom: { stack: number; rack: number; spot: boolean }): Attributes {
    const key = ((((zone * 64 + typeIndex) * 2 + amiGeneration) * 8 + custom.stack) * 32 + custom.rack) * 2 + (custom.spot ? 1 : 0);
    let attributes = this.attributeCache.get(key);
    if (attributes === undefined) {
      attributes = Object.freeze(this.buildAttributes(zone, this.plan.types[typeIndex] as InstanceType, amiGeneration, custom));
      this.attributeCache.set(key, attributes);
    }
    return attributes;
  }

  private buildAttributes(zone: number, type: InstanceType, amiGeneration: number, custom: { stack: number; rack: number; spot: boolean }): Attributes {
    const amis = type.gpu > 0 ? AMI_IDS.gpu : AMI_IDS[type.architecture];
    return {
      'ecs.availability-zone': this.plan.zones[zone] as string,
      'ecs.instance-type': type.name,
      'ecs.os-type': 'linux',
      'ecs.os-family': 'LINUX',
      'ecs.cpu-architecture': type.architecture,
      'ecs.ami-id': amis[amiGeneration] as string,
      'ecs.vpc-id': VPC_ID,
      'ecs.subnet-id': SUBNET_IDS[zone] as string,
      ...CAPABILITY_ATTRIBUTES,
      ...(custom.stack === 0 ? {} : { stack: (STACKS[custom.stack - 1] as { value: string }).value }),
      ...(custom.rack === 0 ? {} : { rack: RACKS[custom.rack - 1] as string }),
      lifecycle: custom.spot ? 'spot' : 'on-demand',
    };
  }
}
