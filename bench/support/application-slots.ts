/** One expression of interest to draft and submit: the stream is `<callId>.<ags>`. */
export interface ApplicationSlot {
  callId: string;
  ags: string;
  applicationId: string;
}

/**
 * Hands out each (call, municipality) pair once: a municipality may hold one expression of
 * interest per call, so the bench needs every pair to be fresh. Pairs go out call by call, so
 * concurrent workers write distinct streams of the same call, as real applicants would.
 */
export class ApplicationSlots {
  private readonly calls: string[] = [];
  private next = 0;

  constructor(private readonly agsList: string[]) {
    if (agsList.length === 0) throw new Error('no municipalities to apply with');
  }

  /** Makes a published call's pairs available. */
  addCall(callId: string): void {
    this.calls.push(callId);
  }

  get remaining(): number {
    return this.calls.length * this.agsList.length - this.next;
  }

  take(): ApplicationSlot | undefined {
    if (this.remaining <= 0) return undefined;
    const callId = this.calls[Math.floor(this.next / this.agsList.length)];
    const ags = this.agsList[this.next % this.agsList.length];
    this.next++;
    return { callId, ags, applicationId: `${callId}.${ags}` };
  }
}
