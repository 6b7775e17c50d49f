import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Where a simulated clock stands: business time `business` was shown at wall-clock time `wall`. */
export class ClockAnchor {
  /** Business time at the anchor (ISO-8601). */
  business: string;
  /** Wall-clock time at the anchor (ISO-8601). */
  wall: string;
}

/** The time this installation acts on: deadlines fall due, events are dated and refusals decided by it. */
export class BusinessTime {
  /** Business time now (ISO-8601, UTC). */
  now: string;
  /** The Berlin calendar day of `now` (YYYY-MM-DD): the day deadlines and periods are counted in. */
  berlinDate: string;
  /** The time zone business days are counted in. */
  timeZone: string;
  /**
   * `system`: the wall clock (production). `simulated`: an accelerated clock (demo, tests); it
   * runs `speed` times faster than the wall clock from `anchor` on. `fixed`: stands still (tests).
   */
  @ApiProperty({ enum: ['system', 'simulated', 'fixed'] })
  kind: 'system' | 'simulated' | 'fixed';
  /** True unless the clock is the wall clock. */
  simulated: boolean;
  /** Business milliseconds per wall-clock millisecond (1 for the system clock, 0 for a fixed one). */
  speed: number;
  @ApiPropertyOptional({ type: ClockAnchor, description: 'Only for a simulated clock.' })
  anchor?: ClockAnchor;
}
