import { bearer, startTestApi, type TestApi } from './support/test-api';

/** Families declared by `# HELP` and `# TYPE`, and the samples of the exposition text. */
function parseExposition(text: string) {
  const help = new Set<string>();
  const type = new Map<string, string>();
  const samples: Array<{ name: string; labels: string; value: number }> = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const comment = /^# (HELP|TYPE) (\S+) (.+)$/.exec(line);
    if (comment) {
      if (comment[1] === 'HELP') help.add(comment[2]);
      else type.set(comment[2], comment[3]);
      continue;
    }
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{.*\})? (\S+)$/.exec(line);
    if (!sample) throw new Error(`not a line of the Prometheus text format: ${line}`);
    samples.push({ name: sample[1], labels: sample[2] ?? '', value: Number(sample[3]) });
  }
  /** The family a sample belongs to: histograms and summaries add _bucket, _sum and _count. */
  const family = (name: string) => (type.has(name) ? name : name.replace(/_(bucket|sum|count)$/, ''));
  return { help, type, samples, family };
}

describe('GET /metrics (prom-client)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('declares HELP and TYPE for every sample, process metrics and HTTP histograms by route template included', async () => {
    const office = bearer(await api.token('grants-office'));
    // Given some traffic: a list, a record that does not exist, a route that does not exist
    await api.http.get('/programmes').set(office).expect(200);
    await api.http.get('/deadlines/no-such-deadline').set(office).expect(404);
    await api.http.get('/no/such/route').set(office).expect(404);

    const res = await api.http.get('/metrics').set(office).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0.0.4/);
    const { help, type, samples, family } = parseExposition(res.text);

    // Every sample belongs to a family with HELP and TYPE
    const undeclared = [...new Set(samples.map((s) => family(s.name)))].filter(
      (f) => !help.has(f) || !type.has(f),
    );
    expect(undeclared).toEqual([]);
    // Process metrics by prom-client's defaults
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
    ])
      expect(samples.some((s) => s.name === name)).toBe(true);
    // The HTTP histogram, labelled by route template (never the raw path) and status
    expect(type.get('http_request_duration_seconds')).toBe('histogram');
    const count = (route: string, status: string) =>
      samples.find(
        (s) =>
          s.name === 'http_request_duration_seconds_count' &&
          s.labels.includes(`route="${route}"`) &&
          s.labels.includes(`status_code="${status}"`),
      )?.value;
    expect(count('/programmes', '200')).toBe(1);
    expect(count('/deadlines/:deadlineId', '404')).toBe(1);
    expect(count('unmatched', '404')).toBe(1);
    expect(res.text).not.toContain('no-such-deadline');
    // The domain metrics keep their names
    expect(type.get('kkz_deadline_queue_up')).toBe('gauge');
    expect(samples.find((s) => s.name === 'kkz_deadline_queue_up')?.value).toBe(1);
  });
});
