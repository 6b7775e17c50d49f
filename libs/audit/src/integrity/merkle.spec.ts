import { EMPTY_MERKLE_ROOT, merkleRoot, type StreamHead } from './merkle';

const head = (streamId: string, revision: number): StreamHead => ({
  streamId,
  revision,
  hash: `${streamId}:${revision}`.padEnd(64, '0'),
});
const HEADS = ['application-a', 'call-b', 'grant-c', 'programme-d', 'survey-e'].map((s) => head(s, 3));

describe('Merkle root over stream heads', () => {
  it('does not depend on the order the heads were found in', () => {
    expect(merkleRoot([...HEADS].reverse())).toBe(merkleRoot(HEADS));
  });

  it('changes when a stream is missing, a head moves back, or a hash differs', () => {
    const root = merkleRoot(HEADS);
    expect(merkleRoot(HEADS.slice(1))).not.toBe(root);
    expect(merkleRoot([head('application-a', 2), ...HEADS.slice(1)])).not.toBe(root);
    expect(merkleRoot([{ ...HEADS[0], hash: 'f'.repeat(64) }, ...HEADS.slice(1)])).not.toBe(root);
  });

  it('has a fixed root for an empty store', () => {
    expect(merkleRoot([])).toBe(EMPTY_MERKLE_ROOT);
    expect(merkleRoot([head('a', 0)])).toMatch(/^[0-9a-f]{64}$/);
  });
});
