/**
 * A task definition's `runtimePlatform`, read as the attributes its
 * instance must have.
 *
 * @module
 */
import type { RequiredAttribute } from '../model/RequiredAttribute';
import { expected, optional, readRecord, readString } from './json';

/** `cpuArchitecture` to the value the agent registers as `ecs.cpu-architecture`. */
const ARCHITECTURES: ReadonlyMap<string, string> = new Map([['X86_64', 'x86_64'], ['ARM64', 'arm64']]);
/** A Windows `operatingSystemFamily`, such as `WINDOWS_SERVER_2022_CORE`: spelled as the agent registers `ecs.os-family`. */
const WINDOWS_FAMILY = /^WINDOWS_SERVER_[0-9A-Z]+_(?:FULL|CORE)$/;

/**
 * Reads `runtimePlatform` into the attributes an instance must have to run
 * the task, with their values.
 *
 * @remarks
 * - `cpuArchitecture` `X86_64` or `ARM64`: `ecs.cpu-architecture` must be
 *   `x86_64` or `arm64`, the values ECS gives that attribute;
 * - `operatingSystemFamily` `LINUX`: `ecs.os-type` must be `linux`, which
 *   every Linux agent registers (`ecs.os-family`, `LINUX` there, is newer,
 *   and requiring it would turn away instances whose agent predates it);
 * - a Windows family (`WINDOWS_SERVER_2022_CORE`, ...): `ecs.os-family`
 *   must be that family, which is how ECS names a Windows release on its
 *   instances, and a Windows container runs only on the release it was
 *   built for.
 *
 * @param value - the `runtimePlatform` object
 * @param path - where it is
 * @returns the required attributes, architecture first
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json` for a value ECS does not have
 */
export function readRuntimePlatform(value: unknown, path: string): RequiredAttribute[] {
  const platform = readRecord(value, path);
  const architecture = optional(platform, 'cpuArchitecture', path, readArchitecture);
  const system = optional(platform, 'operatingSystemFamily', path, readSystem);
  return [...(architecture === undefined ? [] : [architecture]), ...(system === undefined ? [] : [system])];
}

function readArchitecture(value: unknown, path: string): RequiredAttribute {
  const architecture = ARCHITECTURES.get(readString(value, path));
  if (architecture === undefined) throw expected('X86_64 or ARM64', value, path);
  return { name: 'ecs.cpu-architecture', value: architecture };
}

function readSystem(value: unknown, path: string): RequiredAttribute {
  const family = readString(value, path);
  if (family === 'LINUX') return { name: 'ecs.os-type', value: 'linux' };
  if (WINDOWS_FAMILY.test(family)) return { name: 'ecs.os-family', value: family };
  throw expected('LINUX or a Windows family such as WINDOWS_SERVER_2022_CORE', value, path);
}
