import pino from 'pino';
import { requestWithoutCalendarToken } from './calendar-log';

describe('request logs of the calendar feed', () => {
  const serialize = pino.stdSerializers.wrapRequestSerializer(requestWithoutCalendarToken);
  const request = (url: string, params: Record<string, unknown>) =>
    ({ method: 'GET', url, originalUrl: url, headers: {}, params, socket: {} }) as never;

  it('masks the token in the URL and in the route parameters', () => {
    const token = 'a'.repeat(48);
    const logged = serialize(request(`/calendar/05978000/${token}.ics?x=1`, { ags: '05978000', token }));
    expect(logged).toMatchObject({
      url: '/calendar/05978000/***.ics?x=1',
      params: { ags: '05978000', token: '***' },
    });
    expect(JSON.stringify(logged)).not.toContain(token);
    const wildcard = serialize(
      request(`/calendar/05978000/${token}.ics`, { path: ['calendar', '05978000', `${token}.ics`] }),
    );
    expect(JSON.stringify(wildcard)).not.toContain(token);
  });

  it('leaves other requests alone', () => {
    const logged = serialize(request('/deadlines/esf-report-due.r1', { id: 'esf-report-due.r1' }));
    expect(logged).toMatchObject({
      url: '/deadlines/esf-report-due.r1',
      params: { id: 'esf-report-due.r1' },
    });
  });
});
