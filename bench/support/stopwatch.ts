import { performance } from 'node:perf_hooks';

/** Milliseconds since `start`, from the monotonic clock (wall-clock jumps must not skew a figure). */
export function elapsedMs(start: number): number {
  return performance.now() - start;
}

export const now = (): number => performance.now();
