/**
 * Nice axis steps and ticks.
 *
 * @module
 */

/**
 * The smallest "nice" step (1, 2 or 5 times a power of ten) at least `rough`.
 *
 * @param rough - the step wanted; 1 when not finite or not positive
 * @returns a nice step
 */
export function niceStep(rough: number): number {
  if (!Number.isFinite(rough) || rough <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  for (const factor of [1, 2, 5, 10]) {
    if (factor * power >= rough) return factor * power;
  }
  return 10 * power;
}

/** A linear axis from 0 to `top`, ticked every `step`. */
export interface LinearAxis {
  /** The value at the far end of the axis, a multiple of `step`. */
  readonly top: number;
  /** Distance between ticks. */
  readonly step: number;
  /** Tick values from 0 to `top`. */
  readonly ticks: readonly number[];
}

/**
 * An axis from 0 that covers `max` with about `count` ticks. For integer
 * data (counts) the step is at least 1, so no tick falls between integers.
 *
 * @param max - the largest value to show; 0 when not finite or negative
 * @param count - about how many intervals to draw
 * @param integers - whether the data are counts
 * @returns the axis
 */
export function linearAxis(max: number, count: number, integers: boolean): LinearAxis {
  const safeMax = Number.isFinite(max) && max > 0 ? max : 0;
  let step = niceStep(safeMax / Math.max(1, count));
  if (integers) step = Math.max(1, step);
  const top = Math.max(step, Math.ceil(safeMax / step) * step);
  const ticks: number[] = [];
  // Stepping by index keeps ticks exact multiples and bounds the loop.
  for (let index = 0; index * step <= top + step / 2 && index <= 1000; index += 1) ticks.push(index * step);
  return { top, step, ticks };
}

/**
 * Maps a value on `[0, top]` to a length on `[0, length]`, clamped.
 *
 * @param value - the value
 * @param top - the value at full length
 * @param length - the full length in pixels
 * @returns a finite length from 0 to `length`
 */
export function scaleLength(value: number, top: number, length: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(top) || top <= 0) return 0;
  return Math.min(length, Math.max(0, (value / top) * length));
}
