import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signDevToken } from '@app/identity';
import { DEV_SECRET } from './support/test-api';

jest.setTimeout(90_000);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()));
    });
  });
}

interface LogLine {
  msg?: string;
  context?: string;
  audit?: {
    subject: string | null;
    roles: string[];
    method: string;
    route: string;
    params: Record<string, string>;
    query: Record<string, string>;
    status: number;
  };
}

/**
 * The API as its own process with LOG_LEVEL=info, so that the structured log is read exactly as
 * an operator's log shipper would read it: one JSON object per line on stdout.
 */
describe('the access log of auditor requests', () => {
  let child: ChildProcess;
  let base: string;
  const lines: LogLine[] = [];

  beforeAll(async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'kkz-access-log-'));
    child = spawn(
      process.execPath,
      ['-r', join(__dirname, 'support/register-ts.js'), join(__dirname, '../apps/api/src/main.ts')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          PORT: String(port),
          DATA_DIR: dir,
          AUTH_DEV_SECRET: DEV_SECRET,
          RATE_LIMIT_PER_MINUTE: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let buffered = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const complete = buffered.split('\n');
      buffered = complete.pop() ?? '';
      for (const line of complete) if (line.startsWith('{')) lines.push(JSON.parse(line) as LogLine);
    });
    base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/health`)).status > 0) break;
      } catch {
        if (Date.now() > deadline) throw new Error('the API did not start');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  });
  afterAll(() => {
    child.kill('SIGTERM');
  });

  const accessLines = () => lines.filter((l) => l.msg === 'audit access');
  async function waitForAccessLines(count: number): Promise<LogLine[]> {
    const deadline = Date.now() + 5000;
    while (accessLines().length < count && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return accessLines();
  }

  it('logs subject, route, parameters and outcome of every auditor request, refused ones too', async () => {
    const auditor = await signDevToken(DEV_SECRET, { role: 'auditor', subject: 'lrh-pruefer-7' });
    const municipality = await signDevToken(DEV_SECRET, { role: 'municipality', ags: '05978000' });
    const as = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
    await fetch(`${base}/audit/streams/programme-kkz/state?asOf=2012-01-31&time=occurred`, as(auditor));
    await fetch(`${base}/calls?programmeId=kkz`, as(auditor));
    await fetch(`${base}/programmes`, { method: 'POST', ...as(auditor) });
    await fetch(`${base}/calls`, as(municipality));
    await fetch(`${base}/audit/integrity`, as(municipality));

    const logged = await waitForAccessLines(4);
    expect(logged.map((l) => l.audit)).toEqual([
      expect.objectContaining({
        subject: 'lrh-pruefer-7',
        roles: ['auditor'],
        method: 'GET',
        route: '/audit/streams/:streamId/state',
        params: { streamId: 'programme-kkz' },
        query: { asOf: '2012-01-31', time: 'occurred' },
        status: 404,
      }),
      expect.objectContaining({
        subject: 'lrh-pruefer-7',
        route: '/calls',
        query: { programmeId: 'kkz' },
        status: 200,
      }),
      expect.objectContaining({ subject: 'lrh-pruefer-7', method: 'POST', status: 403 }),
      // Anyone's request to /audit is logged; a municipality's ordinary reads are not.
      expect.objectContaining({ subject: 'municipality:05978000', route: '/audit/integrity', status: 403 }),
    ]);
    expect(logged[0].context).toBe('AuditAccess');
  });
});
