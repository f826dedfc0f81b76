/**
 * The heap in use, in MiB, after a full collection when the runtime allows
 * one (`node --expose-gc`), so garbage left by earlier cases does not count.
 */
export function heapMiB(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}
