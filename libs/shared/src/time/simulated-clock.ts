import { Clock, SystemClock } from './clock';

export interface SimulatedClockOptions {
  /** The business time the clock shows at the anchor. */
  start: Date | string;
  /** Business milliseconds per wall-clock millisecond (86 400 000: a day per second). */
  speed?: number;
  /**
   * The wall-clock instant (epoch ms) that corresponds to `start`. Processes given the same start,
   * speed and anchor show the same time, so an API and a worker can share one simulated clock.
   */
  anchorWallMs?: number;
  /** The wall clock; tests may replace it. */
  wallNow?: () => number;
}

/**
 * An accelerated clock for tests and the demo: business time runs `speed` times faster than the
 * wall clock. Queues wait in wall-clock time, so whatever schedules against it converts with
 * `wallMsUntil`, and whatever fires compares against `now()`: the same code then runs on the
 * SystemClock (speed 1) in production.
 */
export class SimulatedClock extends Clock {
  readonly speed: number;
  private startMs: number;
  private anchorWallMs: number;
  private readonly wallNow: () => number;
  private readonly jumpListeners = new Set<() => void>();

  constructor(options: SimulatedClockOptions) {
    super();
    const speed = options.speed ?? 1;
    if (!(speed > 0) || !Number.isFinite(speed))
      throw new Error(`clock speed must be positive, not ${speed}`);
    this.speed = speed;
    this.wallNow = options.wallNow ?? Date.now;
    this.startMs = new Date(options.start).getTime();
    if (!Number.isFinite(this.startMs)) throw new Error(`not an instant: ${String(options.start)}`);
    this.anchorWallMs = options.anchorWallMs ?? this.wallNow();
  }

  now(): Date {
    return new Date(Math.floor(this.startMs + (this.wallNow() - this.anchorWallMs) * this.speed));
  }

  /** The pair of instants the clock runs from: business time `business` was shown at wall time `wall`. */
  get anchor(): { business: Date; wall: Date } {
    return { business: new Date(this.startMs), wall: new Date(this.anchorWallMs) };
  }

  /** Moves business time forward (or back) at once; schedulers are told, to recompute their delays. */
  advance(ms: number): void {
    this.startMs += ms;
    this.notifyJump();
  }

  /** Sets business time to an instant from now on, keeping the speed. */
  set(to: Date | string): void {
    this.startMs = new Date(to).getTime();
    this.anchorWallMs = this.wallNow();
    this.notifyJump();
  }

  /** Called after every jump; returns an unsubscribe function. */
  onJump(listener: () => void): () => void {
    this.jumpListeners.add(listener);
    return () => this.jumpListeners.delete(listener);
  }

  private notifyJump(): void {
    for (const listener of [...this.jumpListeners]) listener();
  }
}

/**
 * How long to wait on the wall clock until the clock shows `instant` (0 if it already has).
 * Rounded up, so that a timer never fires before the instant it was set for.
 */
export function wallMsUntil(clock: Clock, instant: Date | string | number): number {
  const remaining = new Date(instant).getTime() - clock.now().getTime();
  if (remaining <= 0) return 0;
  const speed = clock instanceof SimulatedClock ? clock.speed : 1;
  return Math.ceil(remaining / speed);
}

/** Wall-clock milliseconds per business millisecond of a clock, to report lateness in real time. */
export function wallMsPer(clock: Clock, businessMs: number): number {
  return clock instanceof SimulatedClock ? businessMs / clock.speed : businessMs;
}

export interface ClockSettings {
  kind: 'system' | 'simulated';
  start?: string;
  speed?: number;
  anchorWallMs?: number;
}

/** The clock the configuration names: the system clock, or a simulated one for the demo. */
export function createClock(settings: ClockSettings | undefined): Clock {
  if (!settings || settings.kind === 'system' || !settings.start) return new SystemClock();
  return new SimulatedClock({
    start: settings.start,
    speed: settings.speed,
    anchorWallMs: settings.anchorWallMs,
  });
}
