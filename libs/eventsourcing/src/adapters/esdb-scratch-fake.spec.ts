import { eventStoreContract } from '../testing/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';
import { FakeEsdb } from './esdb-scratch-fake';

const fake = new FakeEsdb();
let url = '';
beforeAll(async () => { url = await fake.start(); });
afterAll(async () => { console.log('fake stats', fake.stats, 'log size', fake.log.length); await fake.stop(); });
eventStoreContract('fake esdb', async () => new EsdbEventStore(url));
