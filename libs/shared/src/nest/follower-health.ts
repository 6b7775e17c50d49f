/**
 * How /health judges a follower of the store (the deadline manager, the notification dispatcher):
 * not by what it says of itself alone, but by where it is against the store's head. A follower
 * whose subscription is alive but whose handler waits (for an absent Redis, say) is `stalled`; one
 * that keeps up too slowly is `lagging`. Either makes /health and /health/ready answer 503.
 */
export interface FollowerThresholds {
  /** More events than this between a follower and the store's head: it is lagging. */
  maxBehind: number;
  /** No progress for this long while behind (or one event in hand this long): it is stalled. */
  stallMs: number;
}

export const DEFAULT_FOLLOWER_THRESHOLDS: FollowerThresholds = { maxBehind: 1000, stallMs: 10_000 };

/** What a follower says of itself. */
export type FollowerOwnState = 'starting' | 'following' | 'reconnecting' | 'failed' | 'stopped';

/** What /health shows: its own state, unless the store's head tells otherwise. */
export type FollowerHealthState = FollowerOwnState | 'stalled' | 'lagging';

export interface FollowerVerdict {
  status: 'up' | 'down';
  state: FollowerHealthState;
  position: number;
  head?: number;
  behind?: number;
  /** Since when (ISO) it has made no progress while behind, if it is stalled. */
  stalledSince?: string;
}

/**
 * Keeps, per follower, the last position seen moving, so that a follower that stands still while
 * the head moves on is found out between two probes. `busySince` (the start of the event in hand)
 * finds it out at the first probe.
 */
export class FollowerWatch {
  private lastMove?: { position: number; at: number };

  constructor(private readonly thresholds: FollowerThresholds = DEFAULT_FOLLOWER_THRESHOLDS) {}

  judge(input: {
    state: FollowerOwnState;
    position: number;
    head?: number;
    busySince?: number;
    now?: number;
  }): FollowerVerdict {
    const now = input.now ?? Date.now();
    const { position, head } = input;
    const behind = head === undefined ? undefined : Math.max(0, head - position);
    if (!this.lastMove || this.lastMove.position !== position || behind === 0)
      this.lastMove = { position, at: now };
    let state: FollowerHealthState = input.state;
    let stalledSince: number | undefined;
    if (state === 'following' && behind !== undefined && behind > 0) {
      const standing = now - this.lastMove.at;
      const busy = input.busySince === undefined ? 0 : now - input.busySince;
      if (busy > this.thresholds.stallMs || standing > this.thresholds.stallMs) {
        state = 'stalled';
        stalledSince = Math.min(this.lastMove.at, input.busySince ?? now);
      } else if (behind > this.thresholds.maxBehind) state = 'lagging';
    }
    return {
      status: state === 'following' ? 'up' : 'down',
      state,
      position,
      ...(head !== undefined ? { head, behind } : {}),
      ...(stalledSince !== undefined ? { stalledSince: new Date(stalledSince).toISOString() } : {}),
    };
  }
}
