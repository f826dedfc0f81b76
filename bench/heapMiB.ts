/**
 * The memory in use, in MiB, after a full collection when the runtime allows
 * one (`node --expose-gc`), so garbage left by earlier cases does not count.
 * `heapUsed` leaves out the contents of typed arrays, which the engine keeps
 * its indexes in, so they are reported apart and counted in `total`.
 */
export function memoryMiB(): { readonly heap: number; readonly arrayBuffers: number; readonly total: number } {
  collect();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return { heap: heapUsed / 2 ** 20, arrayBuffers: arrayBuffers / 2 ** 20, total: (heapUsed + arrayBuffers) / 2 ** 20 };
}

/** The heap in use, in MiB, after a full collection when the runtime allows one. */
export function heapMiB(): number {
  return memoryMiB().heap;
}

/** A full collection when the runtime allows one (`node --expose-gc`, as `npm run bench` runs): what earlier cases left is then not the next one's cost. */
export function collect(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** How long the collector's helper threads are given to finish after a full collection, before a case is timed. */
const SETTLE_MS = 250;

/**
 * A full collection, then a pause while the collector's helper threads
 * finish the sweeping it started: a case timed right after a collection
 * otherwise shares the machine's cores with them, and on 2 cores that
 * measured as stalls of 4 ms (the kernel's time slice), a few in every
 * thousand registrations.
 */
export function collectAndSettle(): void {
  const { gc } = globalThis as { gc?: () => void };
  if (gc === undefined) return;
  gc();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
}
