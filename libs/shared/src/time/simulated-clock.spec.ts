import { FixedClock, SystemClock } from './clock';
import { createClock, SimulatedClock, wallMsUntil } from './simulated-clock';

describe('simulated, accelerated clock', () => {
  let wall = 1_000_000;
  const wallNow = () => wall;

  it('runs business time speed times faster than the wall clock', () => {
    const clock = new SimulatedClock({ start: '2011-11-09T09:00:00.000Z', speed: 86_400, wallNow });
    wall += 1000;
    expect(clock.nowIso()).toBe('2011-11-10T09:00:00.000Z');
  });

  it('shows the same time in two processes given the same start, speed and anchor', () => {
    const a = new SimulatedClock({
      start: '2012-01-01T00:00:00Z',
      speed: 3600,
      anchorWallMs: wall - 10,
      wallNow,
    });
    const b = new SimulatedClock({
      start: '2012-01-01T00:00:00Z',
      speed: 3600,
      anchorWallMs: wall - 10,
      wallNow,
    });
    expect(a.now()).toEqual(b.now());
    expect(a.nowIso()).toBe('2012-01-01T00:00:36.000Z');
  });

  it('converts a business instant into a wall-clock delay, never negative, rounded up', () => {
    const clock = new SimulatedClock({ start: '2011-11-09T00:00:00.000Z', speed: 86_400, wallNow });
    expect(wallMsUntil(clock, '2011-11-11T00:00:00.000Z')).toBe(2000);
    expect(wallMsUntil(clock, '2011-11-09T00:00:00.001Z')).toBe(1);
    expect(wallMsUntil(clock, '2011-11-08T00:00:00.000Z')).toBe(0);
    expect(wallMsUntil(new FixedClock('2011-11-09T00:00:00Z'), '2011-11-09T00:00:01Z')).toBe(1000);
  });

  it('tells schedulers when business time jumps', () => {
    const clock = new SimulatedClock({ start: '2011-11-09T00:00:00.000Z', speed: 10, wallNow });
    const jumps: string[] = [];
    const stop = clock.onJump(() => jumps.push(clock.nowIso()));
    clock.advance(86_400_000);
    clock.set('2012-02-01T00:00:00.000Z');
    stop();
    clock.advance(1);
    expect(jumps).toEqual(['2011-11-10T00:00:00.000Z', '2012-02-01T00:00:00.000Z']);
  });

  it('is the system clock unless a simulated start is configured', () => {
    expect(createClock({ kind: 'system' })).toBeInstanceOf(SystemClock);
    const simulated = createClock({ kind: 'simulated', start: '2011-11-09T00:00:00Z', speed: 2 });
    expect(simulated).toBeInstanceOf(SimulatedClock);
    expect(() => new SimulatedClock({ start: '2011-11-09', speed: 0 })).toThrow(/positive/);
  });
});
