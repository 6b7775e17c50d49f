// Writes with WAL checkpoints on their thread: node -r register-ts.js sqlite-checkpoint-writer.child.ts <file> [close]
// Prints `acked <stream> <revision>` for every append the store acknowledged, and `checkpointed <n>` after each checkpoint.
// Without `close` it writes until it is killed; with it, it closes the store after the first checkpoint and prints `closed`.
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@app/eventsourcing';

async function main(): Promise<void> {
  const [file, mode] = process.argv.slice(2);
  const store = new SqliteEventStore(file);
  let reported = 0;
  for (let i = 0; ; i++) {
    const id = randomUUID();
    // Eight appends at once (one group commit), single small events as the API writes them.
    const appends = Array.from({ length: 8 }, (_, j) => {
      const stream = `crash-${(i * 8 + j) % 13}`;
      return store
        .appendToStream(
          stream,
          [
            {
              type: 'Tick',
              data: { i, j, text: 'Förderphase'.repeat(20) },
              metadata: {
                eventId: randomUUID(),
                schemaVersion: 1,
                occurredAt: new Date().toISOString(),
                actor: { subject: 'crash-writer', role: 'system' },
                correlationId: id,
                causationId: id,
              },
            },
          ],
          'any',
        )
        .then((result) => `acked ${stream} ${result.nextExpectedRevision}\n`);
    });
    process.stdout.write((await Promise.all(appends)).join(''));
    const completed = store.checkpointer?.completed ?? 0;
    if (completed > reported) process.stdout.write(`checkpointed ${(reported = completed)}\n`);
    if (mode === 'close' && completed > 0) {
      // Nothing else keeps this process alive now: closing must still finish.
      await store.close();
      process.stdout.write('closed\n');
      return;
    }
  }
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
