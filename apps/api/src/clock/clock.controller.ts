import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '@app/identity';
import { BERLIN, berlinDate, Clock, FixedClock, SimulatedClock } from '@app/shared';
import type { BusinessTime } from './business-time.view';

@ApiTags('operations')
@ApiBearerAuth()
@Controller('clock')
export class ClockController {
  constructor(private readonly clock: Clock) {}

  /**
   * Business time and whether it is simulated.
   *
   * A client shows and compares dates against this time, not its own: with a simulated clock (the
   * demo) it runs ahead of the wall clock, so "today" and "overdue" are what the server says.
   */
  @Get()
  @Roles(...ROLES)
  now(): BusinessTime {
    const now = this.clock.now();
    const common = { now: now.toISOString(), berlinDate: berlinDate(now), timeZone: BERLIN };
    if (this.clock instanceof SimulatedClock) {
      const { business, wall } = this.clock.anchor;
      return {
        ...common,
        kind: 'simulated',
        simulated: true,
        speed: this.clock.speed,
        anchor: { business: business.toISOString(), wall: wall.toISOString() },
      };
    }
    if (this.clock instanceof FixedClock) return { ...common, kind: 'fixed', simulated: true, speed: 0 };
    return { ...common, kind: 'system', simulated: false, speed: 1 };
  }
}
