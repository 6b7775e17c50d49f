import { MemoryEventStore } from '@app/eventsourcing';
import { newEvent } from '@app/eventsourcing/testing/new-event';
import { StoreFollower } from './store-follower';

/** The follower counts an event as handled only once the handler has acted on its page. */
describe('following the store a page at a time', () => {
  it('hands each event with whether it is the last in hand, and moves on at the page’s end', async () => {
    const store = new MemoryEventStore();
    for (let i = 1; i <= 5; i++) await store.appendToStream(`s-${i}`, [newEvent('T', { i })], 'no_stream');
    const seen: { position: number; lastInHand: boolean; followerAt: number }[] = [];
    const follower: StoreFollower = new StoreFollower(
      store,
      async (event, lastInHand) => {
        seen.push({ position: event.position, lastInHand, followerAt: follower.position });
      },
      { error: () => undefined },
    );
    follower.follow();
    await follower.waitFor(3);
    // Waiting for the third resolved only after the fifth, the page's last, was handled.
    expect(follower.position).toBe(5);
    expect(seen.map((s) => s.lastInHand)).toEqual([false, false, false, false, true]);
    expect(seen.every((s) => s.followerAt === 0)).toBe(true);

    // A later append is a page of its own.
    await store.appendToStream('s-6', [newEvent('T', { i: 6 })], 'no_stream');
    await follower.waitFor(6);
    expect(seen[5]).toEqual({ position: 6, lastInHand: true, followerAt: 5 });
    await follower.stop();
  });
});
