import { type ProblemReply, type ProblemRequest, sendProblem } from './problem-json.filter';

describe('the log line of an unexpected error', () => {
  const token = 'c'.repeat(48);
  const answer = () => {
    const res = { sent: false } as Record<string, unknown>;
    for (const name of ['status', 'header', 'send']) res[name] = () => res;
    return res as unknown as ProblemReply;
  };

  it('names the route, never the URL with a credential in it', () => {
    const logged: unknown[] = [];
    const req = {
      method: 'GET',
      originalUrl: `/calendar/05978000/${token}.ics?access_token=${token}`,
      routeOptions: { url: '/calendar/:ags/:token.ics' },
      headers: {},
    } as ProblemRequest;
    sendProblem(new Error('boom'), req, answer(), { error: (entry: unknown) => logged.push(entry) });
    expect(logged).toEqual([expect.objectContaining({ route: '/calendar/:ags/:token.ics', method: 'GET' })]);
    expect(JSON.stringify(logged)).not.toContain(token);
  });
});
