/**
 * Time spent placing, tasks placed, and the heap's peak.
 *
 * @module
 */
import type { PlacementResult } from '../../placement/PlacementResult';
import type { Timing } from '../SimulationReport';

/** Measures the placement calls of a run, and nothing else. */
export class Meter {
  private elapsed = 0;
  private placed = 0;
  private peak: number | undefined;

  /**
   * @param now - the clock, in milliseconds
   * @param heapUsed - the heap gauge, in bytes, when the caller has one
   */
  constructor(private readonly now: () => number, private readonly heapUsed: (() => number) | undefined) {}

  /**
   * Runs one placement call, timing it and counting its placements.
   *
   * @param place - the call
   * @returns its result
   */
  place(place: () => PlacementResult): PlacementResult {
    const start = this.now();
    const result = place();
    this.elapsed += this.now() - start;
    this.placed += result.placements.length;
    return result;
  }

  /** Reads the heap gauge, keeping the highest reading. */
  sampleHeap(): void {
    if (this.heapUsed === undefined) return;
    const used = this.heapUsed();
    this.peak = this.peak === undefined ? used : Math.max(this.peak, used);
  }

  /**
   * The measures so far.
   *
   * @returns placements, milliseconds, placements per second (0 when no
   *   time was measured, as with a clock that stands still) and the heap's peak
   */
  timing(): Timing {
    const perSecond = this.elapsed > 0 ? this.placed / (this.elapsed / 1000) : 0;
    return {
      placements: this.placed,
      elapsedMs: this.elapsed,
      placementsPerSecond: perSecond,
      ...(this.peak === undefined ? {} : { peakHeapBytes: this.peak }),
    };
  }
}
