/**
 * fast-check's size conventions, read as one more constraint: `size` on an
 * arbitrary, else the `baseSize` of `fc.configureGlobal`, decides how large
 * the unbounded parts of what it generates grow.
 *
 * @module
 */
import * as fc from 'fast-check';
import { choiceItem, type Fields, type Where } from './readConstraints';

type SizeName = Exclude<fc.SizeForArbitrary, undefined>;

/** Every size fast-check knows, from the smallest; the relative ones offset the global `baseSize`. */
const SIZES: readonly SizeName[] = ['xsmall', 'small', 'medium', 'large', 'xlarge', 'max', '-4', '-3', '-2', '-1', '=', '+1', '+2', '+3', '+4'];
const ABSOLUTE: readonly string[] = ['xsmall', 'small', 'medium', 'large', 'xlarge'];
const RELATIVE: readonly string[] = ['-4', '-3', '-2', '-1', '=', '+1', '+2', '+3', '+4'];

/** The `size` field, or `undefined` to follow fast-check's global settings. */
export function readSize(at: Where, fields: Fields): fc.SizeForArbitrary {
  const value = fields.get('size');
  return value === undefined ? undefined : choiceItem(at, SIZES)(value, 'size');
}

/**
 * How many steps above `xsmall` a size is, once resolved against the
 * global `baseSize` as fast-check resolves it (`small` when unset):
 * 0 for `xsmall` to 4 for `xlarge`, 5 for `max`.
 */
export function sizeStep(size: fc.SizeForArbitrary): number {
  const base = fc.readConfigureGlobal().baseSize ?? 'small';
  const baseStep = ABSOLUTE.indexOf(base);
  if (size === undefined) return baseStep;
  if (size === 'max') return 5;
  const relative = RELATIVE.indexOf(size);
  if (relative === -1) return ABSOLUTE.indexOf(size);
  return Math.min(Math.max(baseStep + relative - 4, 0), ABSOLUTE.length - 1);
}

/**
 * An array of `item` from `minLength` to `maxLength` items, or, with
 * `maxLength` undefined, to as many as `size` allows (at most `cap`); a
 * `maxLength` given without a size is reached, as at size `max`. Above
 * `small`, half the arrays are drawn one size smaller, and shrink towards
 * that half: large sizes still draw mostly small values, which fail more
 * readably and run faster.
 */
export function sizedArray<T>(item: fc.Arbitrary<T>, minLength: number, maxLength: number | undefined, size: fc.SizeForArbitrary, cap: number): fc.Arbitrary<T[]> {
  // Without a size, a given maximum is reached (size max); else '=' follows the global baseSize.
  const sizeOf = size ?? (maxLength === undefined ? '=' : 'max');
  const lengths = { minLength, maxLength: maxLength ?? cap };
  const full = fc.array(item, { ...lengths, size: sizeOf });
  const step = sizeStep(sizeOf);
  const smaller = ABSOLUTE[step - 1];
  if (maxLength !== undefined || step < 2 || smaller === undefined) return full;
  return fc.oneof({ withCrossShrink: true }, fc.array(item, { ...lengths, size: smaller as SizeName }), full);
}
