/**
 * Asks the library itself whether a piece of vocabulary is acceptable, so
 * that the arbitraries never generate what `new Cluster` or `place` would
 * refuse, and the rules live in one place: the library's own validation.
 *
 * @module
 */
import { Cluster } from '../../cluster/Cluster';
import type { InstancePatch, InstanceSpec } from '../../model/InstanceSpec';
import type { PlacementRequest } from '../../model/PlacementRequest';
import { parseQuery } from '../../query/parseQuery';
import type { QueryNode } from '../../query/ast';
import { fail, show, stringItem, type ItemReader, type Where } from './readConstraints';

const PROBE: InstanceSpec = { id: 'probe', resources: { cpu: 1024, memory: 1024 } };

function refused(at: Where, label: string, value: unknown, error: unknown): never {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return fail(at, label, `(${show(value)}) is refused by task-placement: ${reason}`);
}

/** Registers `spec` on an empty cluster; throws naming `label` when the library refuses it. */
export function acceptInstance(at: Where, label: string, value: unknown, spec: InstanceSpec): void {
  try {
    new Cluster({ instances: [spec], engine: 'reference' });
  } catch (error) {
    refused(at, label, value, error);
  }
}

/** Validates `request` by explaining it on an empty cluster, which changes nothing. */
export function acceptRequest(at: Where, label: string, value: unknown, request: PlacementRequest): void {
  try {
    new Cluster({ engine: 'reference' }).explain(request);
  } catch (error) {
    refused(at, label, value, error);
  }
}

/** Reads a string item that `build` puts into an instance, which the library must register. */
export function instanceString(at: Where, build: (value: string) => InstanceSpec): ItemReader<string> {
  const text = stringItem(at);
  return (item, label) => {
    const value = text(item, label);
    acceptInstance(at, label, value, build(value));
    return value;
  };
}

/** Reads a string item that `build` puts into a request, which the library must accept. */
export function requestString(at: Where, build: (value: string) => PlacementRequest): ItemReader<string> {
  const text = stringItem(at);
  return (item, label) => {
    const value = text(item, label);
    acceptRequest(at, label, value, build(value));
    return value;
  };
}

/** Applies `patch` to a registered probe instance. */
export function acceptPatch(at: Where, label: string, patch: InstancePatch): void {
  try {
    new Cluster({ instances: [PROBE], engine: 'reference' }).updateInstance(PROBE.id, patch);
  } catch (error) {
    refused(at, label, patch, error);
  }
}

/** Parses `text` as a query. */
export function acceptQuery(at: Where, label: string, value: unknown, text: string): QueryNode {
  try {
    return parseQuery(text);
  } catch (error) {
    return refused(at, label, value, error);
  }
}
