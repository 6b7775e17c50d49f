import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type ExpectedRevision,
  MemoryEventStore,
  type NewEvent,
  SqliteEventStore,
  StoreUnavailableError,
} from '@app/eventsourcing';
import { BRUECKEN, OBERHAUSEN, PROGRAMME } from './support/fixtures';
import { eventually } from './support/waiting';
import { bearer, publishCall2011, startTestApi, type TestApi } from './support/test-api';

describe('Idempotency-Key on commands', () => {
  let api: TestApi;
  let office: Record<string, string>;

  beforeEach(async () => {
    api = await startTestApi({ now: '2011-11-09T09:00:00.000Z' });
    office = bearer(await api.token('grants-office'));
  });
  afterEach(() => api.close());

  const domainEvents = async () =>
    (await api.store.readAll()).filter((e) => !e.streamId.startsWith('idempotency-'));

  it('answers a repeated request with the first answer and writes no new event', async () => {
    const key = { ...office, 'Idempotency-Key': 'create-kkz-1' };
    const first = await api.http.post('/programmes').set(key).send({ title: PROGRAMME.title }).expect(201);
    const eventsAfterFirst = await domainEvents();
    const again = await api.http.post('/programmes').set(key).send({ title: PROGRAMME.title }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['x-correlation-id']).toBeDefined();
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await domainEvents()).toHaveLength(eventsAfterFirst.length);
    const listed = await api.http.get('/programmes').set(office).expect(200);
    expect(listed.body.items).toHaveLength(1);
  });

  it('refuses the same key with another body with 422', async () => {
    const key = { ...office, 'Idempotency-Key': 'create-kkz-2' };
    await api.http.post('/programmes').set(key).send({ title: 'A' }).expect(201);
    const before = await api.store.headPosition();
    const res = await api.http.post('/programmes').set(key).send({ title: 'B' }).expect(422);
    expect(res.body.code).toBe('idempotency-key-reused');
    expect(await api.store.headPosition()).toBe(before);
  });

  it('keeps keys apart per caller', async () => {
    const other = bearer(await api.token('grants-office', undefined));
    await api.http
      .post('/programmes')
      .set({ ...office, 'Idempotency-Key': 'k' })
      .send({ title: 'A' })
      .expect(201);
    // The dev token CLI gives every grants-office token the same subject; a different subject is a different caller.
    const stranger = bearer(
      await (
        await import('@app/identity')
      ).signDevToken((await import('./support/test-api')).DEV_SECRET, {
        role: 'grants-office',
        subject: 'another-officer',
      }),
    );
    await api.http
      .post('/programmes')
      .set({ ...stranger, 'Idempotency-Key': 'k' })
      .send({ title: 'B' })
      .expect(201);
    expect((await api.http.get('/programmes').set(other).expect(200)).body.items).toHaveLength(2);
  });

  it('does not remember refusals: a corrected retry with the same key succeeds', async () => {
    await publishCall2011(api);
    const oberhausen = { ...bearer(await api.token('municipality', OBERHAUSEN)), 'Idempotency-Key': 'eoi-1' };
    const refused = await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(oberhausen)
      .send({ ...BRUECKEN, memberAgs: ['05999999'] })
      .expect(422);
    expect(refused.body.code).toBe('unknown-municipality');
    const corrected = await api.http
      .post('/calls/kkz-2011/expressions-of-interest')
      .set(oberhausen)
      .send(BRUECKEN)
      .expect(201);
    expect(corrected.body.id).toBe('kkz-2011.05119000');
  });

  it('creates one record from concurrent duplicates; the others answer 201 or 409', async () => {
    // SQLite's group commit makes the requests really interleave (the memory store answers too fast).
    await api.close();
    api = await startTestApi({
      store: new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'kkz-idem-')), 'e.sqlite')),
    });
    office = bearer(await api.token('grants-office'));
    const key = { ...office, 'Idempotency-Key': 'burst' };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => api.http.post('/programmes').set(key).send({ title: 'Burst' })),
    );
    const ok = results.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(new Set(ok.map((r) => r.body.id)).size).toBe(1);
    expect((await domainEvents()).filter((e) => e.type === 'ProgrammeCreated')).toHaveLength(1);
  });

  it('lets only one of several racing requests with one key and different bodies write anything', async () => {
    await api.close();
    api = await startTestApi({
      store: new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'kkz-idem-')), 'e.sqlite')),
    });
    office = bearer(await api.token('grants-office'));
    const key = { ...office, 'Idempotency-Key': 'race' };
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.http
          .post('/programmes')
          .set(key)
          .send({ programmeId: `p${i}`, title: `P${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 201))
      expect(r.body.code).toBe('idempotency-key-reused');
    expect((await domainEvents()).filter((e) => e.type === 'ProgrammeCreated')).toHaveLength(1);
  });

  it('leaves the key free when a confirmation is refused for a member already taken', async () => {
    await publishCall2011(api);
    for (const lead of ['05978000', OBERHAUSEN])
      await api.http
        .post('/calls/kkz-2011/expressions-of-interest')
        .set(bearer(await api.token('municipality', lead)))
        .send({ ...BRUECKEN, memberAgs: ['05978020'] })
        .expect(201);
    const kamen = bearer(await api.token('municipality', '05978020'));
    const joinUnna = '/expressions-of-interest/kkz-2011.05978000/members/05978020';
    const joinOberhausen = '/expressions-of-interest/kkz-2011.05119000/members/05978020/confirm';
    await api.http.post(`${joinUnna}/confirm`).set(kamen).expect(200);
    const keyed = { ...kamen, 'Idempotency-Key': 'kamen-1' };
    // Kamen is taken: refused before anything is written, so the key stays free for the retry.
    await api.http.post(joinOberhausen).set(keyed).expect(409);
    await api.http.post(`${joinUnna}/leave`).set(kamen).send({}).expect(200);
    await api.http.post(joinOberhausen).set(keyed).expect(200);
  });

  it('writes one revision for concurrent identical requests with one key', async () => {
    await api.close();
    api = await startTestApi({
      store: new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'kkz-idem-')), 'e.sqlite')),
    });
    office = bearer(await api.token('grants-office'));
    await publishCall2011(api);
    const oberhausen = bearer(await api.token('municipality', OBERHAUSEN));
    await api.http.post('/calls/kkz-2011/expressions-of-interest').set(oberhausen).send(BRUECKEN).expect(201);
    const key = { ...oberhausen, 'Idempotency-Key': 'revise-1' };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.http
          .put('/expressions-of-interest/kkz-2011.05119000')
          .set(key)
          .send({ ...BRUECKEN, motto: 'Neu' }),
      ),
    );
    for (const r of results) expect([200, 409]).toContain(r.status);
    expect(new Set(results.filter((r) => r.status === 200).map((r) => r.body.revision))).toEqual(
      new Set([1]),
    );
    expect((await domainEvents()).filter((e) => e.type === 'ExpressionOfInterestRevised')).toHaveLength(1);
  });

  it('holds a reservation for a minute of wall time, however fast business time runs', async () => {
    // A store whose command appends wait at a gate: the first request holds its key meanwhile.
    class GatedStore extends MemoryEventStore {
      gate?: Promise<void>;
      override async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision) {
        if (!streamId.startsWith('idempotency-')) await this.gate;
        return super.appendToStream(streamId, events, expected);
      }
    }
    await api.close();
    const store = new GatedStore();
    api = await startTestApi({ store });
    office = bearer(await api.token('grants-office'));
    let open!: () => void;
    store.gate = new Promise<void>((resolve) => (open = resolve));
    const key = { ...office, 'Idempotency-Key': 'slow' };
    const first = api.http
      .post('/programmes')
      .set(key)
      .send({ title: 'Langsam' })
      .then((r) => r);
    await eventually(
      async () => (await store.readAll()).some((e) => e.type === 'IdempotentRequestStarted'),
      10_000,
      'the first request to reserve its key',
    );
    // An accelerated clock: a day of business time passes while the first request is still working.
    api.clock.advance(86_400_000);
    // Should the second request go ahead (the flaw), the gate opens after a while, so it fails, not hangs.
    const fallback = setTimeout(open, 10_000);
    const second = await api.http.post('/programmes').set(key).send({ title: 'Langsam' });
    open();
    clearTimeout(fallback);
    expect({ status: second.status, code: second.body.code }).toEqual({
      status: 409,
      code: 'idempotency-request-in-progress',
    });
    expect((await first).status).toBe(201);
    expect((await domainEvents()).filter((e) => e.type === 'ProgrammeCreated')).toHaveLength(1);
  });

  it('answers with the problem it met when the answer cannot be recorded, and keeps the key held', async () => {
    // The command is stored; recording its answer under the key fails (the disk filled up between).
    class FullAfterCommand extends MemoryEventStore {
      override async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision) {
        if (events.some((e) => e.type === 'IdempotentRequestCompleted'))
          throw new StoreUnavailableError('disk-full', 'SQLITE_FULL');
        return super.appendToStream(streamId, events, expected);
      }
    }
    await api.close();
    const store = new FullAfterCommand();
    api = await startTestApi({ store });
    office = bearer(await api.token('grants-office'));
    const key = { ...office, 'Idempotency-Key': 'full-after-command' };
    const res = await api.http.post('/programmes').set(key).send({ title: 'Voll' });
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ code: 'store-unavailable', reason: 'disk-full' });
    expect(res.body.detail).toMatch(/Datenträger des Ereignisspeichers ist voll/);
    expect((await domainEvents()).filter((e) => e.type === 'ProgrammeCreated')).toHaveLength(1);
    // The key stays reserved (a minute of wall time), so a retry does not create a second programme.
    const retry = await api.http.post('/programmes').set(key).send({ title: 'Voll' });
    expect({ status: retry.status, code: retry.body.code }).toEqual({
      status: 409,
      code: 'idempotency-request-in-progress',
    });
    expect((await domainEvents()).filter((e) => e.type === 'ProgrammeCreated')).toHaveLength(1);
  });

  it('refuses a malformed key', async () => {
    const res = await api.http
      .post('/programmes')
      .set({ ...office, 'Idempotency-Key': 'x'.repeat(300) })
      .send({ title: 'A' })
      .expect(400);
    expect(res.body.code).toBe('invalid-idempotency-key');
  });
});
