/**
 * Turns an arbitrary of valid documents into one of valid, broken or mixed
 * documents, each broken one by exactly one fault.
 *
 * @module
 */
import * as fc from 'fast-check';
import { choiceItem, list, type Fields, type Where } from '../internal/readConstraints';
import { CROSS_SHRINK } from '../internal/sometimes';
import type { EcsFault, EcsJsonValidity } from './EcsJsonCase';

/** One way to break a document. */
export interface Fault<S, K extends string = string> {
  /** The fault's kind, as {@link EcsFault.kind} gives it. */
  readonly kind: K;
  /** Whether the document has what this fault breaks (a port to repeat, two instances to confuse); always when absent. */
  readonly applies?: (state: S) => boolean;
  /**
   * Breaks `state` in place and says where and how.
   *
   * @param state - a copy of a valid document, for this fault alone
   * @param pick - a number to choose with (which instance, which container)
   */
  readonly inject: (state: S, pick: number) => Omit<EcsFault, 'kind'>;
}

const VALIDITIES: readonly EcsJsonValidity[] = ['valid', 'invalid', 'mixed'];

/** Reads the `validity` constraint. */
export function readValidity(at: Where, fields: Fields): EcsJsonValidity {
  return choiceItem(at, VALIDITIES)(fields.get('validity') ?? 'valid', 'validity');
}

/**
 * Reads the `faults` constraint: the kinds of fault to draw from, all of
 * them when absent.
 *
 * @param at - the arbitrary
 * @param fields - its constraints
 * @param faults - every fault it knows
 * @returns the faults asked for, in the order given: the first is the one counter-examples shrink to
 */
export function readFaults<S, K extends string>(at: Where, fields: Fields, faults: readonly Fault<S, K>[]): readonly Fault<S, K>[] {
  const known = faults.map((fault) => fault.kind);
  const chosen = list(at, fields, 'faults', known, choiceItem(at, known));
  return chosen.flatMap((kind) => faults.filter((fault) => fault.kind === kind));
}

/** A deep copy of a JSON value: a fault must not reach a document fast-check keeps for shrinking. */
function copy<S>(state: S): S {
  return JSON.parse(JSON.stringify(state)) as S;
}

/**
 * The documents of `valid`, broken by `faults` as `validity` asks.
 *
 * @param valid - valid documents, as plain JSON
 * @param faults - the ways to break one
 * @param validity - which documents to give
 * @returns each document with its fault, if any; broken ones shrink towards the first fault that applies
 */
export function withFaults<S, K extends string>(valid: fc.Arbitrary<S>, faults: readonly Fault<S, K>[], validity: EcsJsonValidity): fc.Arbitrary<{ state: S; fault?: EcsFault }> {
  const good = valid.map((state) => ({ state: copy(state) }));
  // Only documents some fault breaks: with the faults a tester chose, a document may lack what they break (a second instance, a static port).
  const breakable = faults.every((fault) => fault.applies === undefined) ? valid : valid.filter((state) => faults.some((fault) => fault.applies?.(state) ?? true));
  const bad = fc.tuple(breakable, fc.nat(), fc.nat()).map(([state, which, pick]) => {
    const broken = copy(state);
    const usable = faults.filter((fault) => fault.applies?.(broken) ?? true);
    const fault = usable[which % usable.length];
    // Unreachable: `breakable` lets through only documents some fault applies to.
    if (fault === undefined) throw new Error('no fault applies to this document');
    return { state: broken, fault: { kind: fault.kind, ...fault.inject(broken, pick) } };
  });
  if (validity === 'valid') return good;
  if (validity === 'invalid') return bad;
  return fc.oneof(CROSS_SHRINK, good, bad);
}

/** The path of `field` inside the object at `prefix` (empty at the document's top). */
export function under(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}
