/**
 * A CloudFormation template's or Terraform's values rewritten into ECS's
 * API shapes, so that the ECS readers read them, with the way back from a
 * path in the rewrite to the path in the user's document.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import { isRecord } from '../model/validation/fields';
import { indexPath, keyPath } from '../model/validation/paths';

/**
 * What a value of the source becomes in the rewrite: itself, nothing (a
 * CloudFormation `AWS::NoValue`), another value (a parameter's default), or
 * a value the source does not hold, with the sentence that says so.
 */
export type Resolution =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'absent' }
  | { readonly kind: 'unresolved'; readonly summary: string };

/** How a source's values are copied into the rewrite. */
export interface CopyRules {
  /** The rewrite's name for a field of the source, such as `memory` for `Memory`. */
  readonly rename: (key: string) => string;
  /** Resolves a value before it is copied (an intrinsic function, for a template), given its field's name in the rewrite. */
  readonly resolve?: (value: unknown, key: string | undefined) => Resolution | undefined;
  /** Converts a value the way the source's own tool would before ECS sees it, given its field's name in the rewrite. */
  readonly convert?: (value: unknown, key: string | undefined) => unknown;
}

/** One step of a path: `.key`, `["key"]` or `[3]`. */
const STEP = /^[A-Za-z_$][A-Za-z0-9_$]*|\.[A-Za-z_$][A-Za-z0-9_$]*|\["(?:[^"\\]|\\.)*"\]|\[\d+\]/y;

/**
 * A rewrite under construction, then read.
 *
 * @remarks
 * Every value copied records where it came from. A value the source does
 * not hold (an intrinsic function the reader cannot evaluate, a value
 * Terraform knows only after apply) becomes a placeholder no reader
 * accepts, a boxed string: every reader refuses it as a value of the wrong
 * kind where it needs it, and the refusal is turned into one that names the
 * function at its place in the source. A placeholder where nothing is read
 * is never seen, as an image built with `Fn::Sub` should not be.
 */
export class DocumentRewrite {
  private readonly origins = new Map<string, string>();
  private readonly unresolved = new Map<string, string>();

  /**
   * @param inverse - the source's name for a field of the rewrite that was
   *   not copied (a missing field a reader asks for), such as `Memory` for `memory`
   */
  constructor(private readonly inverse: (key: string) => string) {}

  /**
   * Records that the value at `path` in the rewrite comes from `original`.
   *
   * @param path - the path in the rewrite
   * @param original - the path in the source
   */
  from(path: string, original: string): void {
    this.origins.set(path, original);
  }

  /**
   * A placeholder for a value the source does not hold.
   *
   * @param path - its path in the rewrite
   * @param original - its path in the source
   * @param summary - what it is and what to do, for the message
   * @returns the placeholder to put in the rewrite
   */
  placeholder(path: string, original: string, summary: string): unknown {
    this.from(path, original);
    this.unresolved.set(path, summary);
    // A boxed string is what every reader refuses; see the class's remarks.
    return new String(summary);
  }

  /**
   * Copies a value of the source into the rewrite, recursively.
   *
   * @param value - the value in the source
   * @param path - where it goes in the rewrite
   * @param original - where it is in the source
   * @param rules - how fields are named and values resolved
   * @param key - the field's name in the rewrite, for `rules.convert`
   * @returns the copy, or `undefined` when the value resolves to nothing
   */
  copy(value: unknown, path: string, original: string, rules: CopyRules, key?: string): unknown {
    const resolution = rules.resolve?.(value, key) ?? { kind: 'value', value };
    if (resolution.kind === 'absent') return undefined;
    if (resolution.kind === 'unresolved') return this.placeholder(path, original, resolution.summary);
    const resolved = resolution.value;
    this.from(path, original);
    if (Array.isArray(resolved)) {
      const items: unknown[] = [];
      resolved.forEach((item, index) => {
        const copied = this.copy(item, indexPath(path, items.length), indexPath(original, index), rules, key);
        if (copied !== undefined) items.push(copied);
      });
      return items;
    }
    if (isRecord(resolved)) {
      const fields: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(resolved)) {
        const renamed = rules.rename(name);
        const copied = this.copy(field, keyPath(path, renamed), keyPath(original, name), rules, renamed);
        if (copied !== undefined) Object.defineProperty(fields, renamed, { value: copied, enumerable: true, writable: true, configurable: true });
      }
      return fields;
    }
    return rules.convert === undefined ? resolved : rules.convert(resolved, key);
  }

  /**
   * Runs an ECS reader on the rewrite and reports its faults at their
   * places in the source.
   *
   * @param read - the reader
   * @returns what it returns
   * @throws {@link task-placement!PlacementInputError} the reader's, at the source's path;
   *   `unresolved_value` when it refused a placeholder
   */
  read<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof PlacementInputError)) throw error;
      throw this.translate(error);
    }
  }

  /** The path in the source of a path in the rewrite. */
  private originalPath(path: string): string {
    const steps = stepsOf(path);
    for (let length = steps.length; length >= 0; length -= 1) {
      const prefix = steps.slice(0, length).join('');
      const original = this.origins.get(prefix);
      if (original !== undefined) return steps.slice(length).reduce((at, step) => this.append(at, step), original);
    }
    return path;
  }

  private translate(error: PlacementInputError): PlacementInputError {
    const steps = stepsOf(error.path);
    for (let length = steps.length; length >= 0; length -= 1) {
      const prefix = steps.slice(0, length).join('');
      const summary = this.unresolved.get(prefix);
      if (summary !== undefined) return new PlacementInputError('unresolved_value', this.originalPath(prefix), summary);
    }
    const summary = error.path === '' ? error.message : error.message.slice(error.path.length + 2);
    return new PlacementInputError(error.code, this.originalPath(error.path), summary, { cause: error.cause ?? error });
  }

  private append(path: string, step: string): string {
    if (step.startsWith('[') && !step.startsWith('["')) return path + step;
    const key = step.startsWith('["') ? (JSON.parse(step.slice(1, -1)) as string) : step.replace(/^\./, '');
    return keyPath(path, this.inverse(key));
  }
}

/** The steps of a path as {@link keyPath} and {@link indexPath} write it. */
function stepsOf(path: string): string[] {
  const steps: string[] = [];
  STEP.lastIndex = 0;
  while (STEP.lastIndex < path.length) {
    const match = STEP.exec(path);
    if (match === null) return [path];
    steps.push(match[0]);
  }
  return steps;
}
