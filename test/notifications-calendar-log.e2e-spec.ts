import { runTs } from './support/run-ts';

describe('the API request log', () => {
  it('does not write the calendar token that stands in a feed URL', async () => {
    const token = 'f'.repeat(48);
    const { code, stdout, stderr } = await runTs('test/support/calendar-log.child.ts', [token], {
      PATH: process.env.PATH ?? '',
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const requestLines = stdout.split('\n').filter((l) => l.includes('/calendar/05978000/'));
    expect(requestLines.length).toBeGreaterThan(0);
    expect(requestLines.join('\n')).toContain('/calendar/05978000/***.ics');
    expect(stdout).not.toContain(token);
  }, 60_000);
});
