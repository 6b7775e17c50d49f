import { EsdbEventStore } from './esdb-event-store';
import { newEvent } from '../testing/new-event';

const URL = 'esdb://127.0.0.1:1?tls=false';
const t0 = () => Date.now();
it('ping rejects', async () => {
  const s = new EsdbEventStore(URL, { pingTimeoutMs: 3000 });
  const start = t0();
  const err = await s.ping().catch((e) => e);
  console.log('ping', Date.now() - start, err?.constructor?.name, String(err?.message).slice(0, 100));
  await s.close();
});
it('readStream rejects', async () => {
  const s = new EsdbEventStore(URL);
  const start = t0();
  const err = await s.readStream('x-1').catch((e) => e);
  console.log('readStream', Date.now() - start, err?.constructor?.name, String(err?.message).slice(0, 100));
  const err2 = await s.appendToStream('x-1', [newEvent('A', {})], 'any').catch((e) => e);
  console.log('append', Date.now() - start, err2?.constructor?.name, String(err2?.message).slice(0, 100));
  const err3 = await s.readAll({ after: 123 }).catch((e) => e);
  console.log('readAll', Date.now() - start, err3?.constructor?.name, String(err3?.message).slice(0, 100));
  await s.close();
});
it('subscription fails and stop resolves', async () => {
  const s = new EsdbEventStore(URL);
  const start = t0();
  const sub = s.subscribeToAll({}, () => undefined);
  const err = await sub.done.catch((e) => e);
  console.log('sub done', Date.now() - start, err?.constructor?.name, String(err?.message).slice(0, 100));
  await sub.stop();
  const sub2 = s.subscribeToAll({}, () => undefined);
  await sub2.stop();
  console.log('sub2 stopped', Date.now() - start);
  await s.close();
  console.log('closed', Date.now() - start);
});
