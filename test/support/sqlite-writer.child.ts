// A second process appending to the same SQLite file: node -r register-ts.js sqlite-writer.child.ts <file> <prefix> <count>
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@app/eventsourcing';

async function main(): Promise<void> {
  const [file, prefix, count] = process.argv.slice(2);
  const store = new SqliteEventStore(file);
  for (let i = 0; i < Number(count); i++) {
    const id = randomUUID();
    await store.appendToStream(
      `${prefix}-${i % 5}`,
      [
        {
          type: 'Tick',
          data: { i, from: prefix },
          metadata: {
            eventId: id,
            schemaVersion: 1,
            occurredAt: new Date().toISOString(),
            actor: { subject: prefix, role: 'system' },
            correlationId: id,
            causationId: id,
          },
        },
      ],
      'any',
    );
  }
  await store.close();
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});
