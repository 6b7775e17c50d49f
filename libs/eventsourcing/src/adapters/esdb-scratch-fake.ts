/* SCRATCH: fake EventStoreDB gRPC server for local wiring checks. Deleted after use. */
import * as grpc from '@grpc/grpc-js';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { StreamsService } = require('@eventstore/db-client/generated/streams_grpc_pb');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pb = require('@eventstore/db-client/generated/streams_pb');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const shared = require('@eventstore/db-client/generated/shared_pb');

interface Rec { streamId: string; revision: number; id: string; type: string; contentType: string; data: Uint8Array; metadata: Uint8Array; position: number; }

export class FakeEsdb {
  log: Rec[] = [];
  streams = new Map<string, Rec[]>();
  next = 1000;
  live = new Set<(r: Rec) => void>();
  server = new grpc.Server();
  port = 0;
  maxAppendSize = 8 * 1024 * 1024;
  stats = { invalidPositionReads: 0, appends: 0, wev: 0 };
  systemEvery = 3;

  private write(streamId: string, type: string, id: string, contentType: string, data: Uint8Array, metadata: Uint8Array): Rec {
    const stream = this.streams.get(streamId) ?? [];
    const rec: Rec = { streamId, revision: stream.length, id, type, contentType, data, metadata, position: this.next };
    this.next += 64 + data.length + metadata.length; // sparse byte offsets, as in the transaction log
    stream.push(rec); this.streams.set(streamId, stream); this.log.push(rec);
    for (const l of this.live) l(rec);
    return rec;
  }

  private toResp(rec: Rec): unknown {
    const re = new pb.ReadResp.ReadEvent.RecordedEvent();
    const id = new shared.UUID(); id.setString(rec.id); re.setId(id);
    const sid = new shared.StreamIdentifier(); sid.setStreamName(Buffer.from(rec.streamId)); re.setStreamIdentifier(sid);
    re.setStreamRevision(String(rec.revision));
    re.setCommitPosition(String(rec.position)); re.setPreparePosition(String(rec.position));
    re.getMetadataMap().set('type', rec.type); re.getMetadataMap().set('content-type', rec.contentType);
    re.getMetadataMap().set('created', String(BigInt(Date.now()) * 10000n));
    re.setData(rec.data); re.setCustomMetadata(rec.metadata);
    const ev = new pb.ReadResp.ReadEvent(); ev.setEvent(re); ev.setCommitPosition(String(rec.position));
    const resp = new pb.ReadResp(); resp.setEvent(ev); return resp;
  }

  private fail(call: grpc.ServerWritableStream<unknown, unknown>, details: string) {
    this.stats.invalidPositionReads++;
    call.emit('error', { code: grpc.status.UNKNOWN, details, metadata: new grpc.Metadata() });
  }

  private read(call: grpc.ServerWritableStream<any, any>) {
    const o = call.request.getOptions();
    const count = Number(o.getCount() || '0');
    const backwards = o.getReadDirection() === 1;
    if (o.hasStream()) {
      const so = o.getStream();
      const name = Buffer.from(so.getStreamIdentifier().getStreamName_asU8()).toString();
      const stream = this.streams.get(name);
      if (!stream) { const r = new pb.ReadResp(); const nf = new pb.ReadResp.StreamNotFound(); nf.setStreamIdentifier(so.getStreamIdentifier()); r.setStreamNotFound(nf); call.write(r); call.end(); return; }
      let items: Rec[];
      if (backwards) { const from = so.hasEnd() ? stream.length - 1 : Number(so.getRevision()); items = stream.slice(0, from + 1).reverse(); }
      else { const from = so.hasStart() ? 0 : Number(so.getRevision()); items = stream.slice(from); }
      for (const r of items.slice(0, count)) call.write(this.toResp(r));
      call.end(); return;
    }
    const ao = o.getAll();
    const boundary = (p: number) => p > this.next - 1 || this.log.some((r) => r.position === p) || p === this.next;
    if (o.hasSubscription()) return this.subscribe(call, ao, o);
    let items: Rec[];
    if (backwards) {
      if (ao.hasEnd()) items = [...this.log].reverse();
      else { const p = Number(ao.getPosition().getCommitPosition()); if (!boundary(p)) return this.fail(call, 'Log record has too large length'); items = this.log.filter((r) => r.position < p).reverse(); }
    } else {
      if (ao.hasStart()) items = [...this.log];
      else if (ao.hasEnd()) items = [];
      else { const p = Number(ao.getPosition().getCommitPosition()); if (!boundary(p)) return this.fail(call, 'Log record has too large length'); items = this.log.filter((r) => r.position >= p); }
    }
    for (const r of items.slice(0, count)) call.write(this.toResp(r));
    call.end();
  }

  private subscribe(call: grpc.ServerWritableStream<any, any>, ao: any, o: any) {
    const regex = o.hasFilter() && o.getFilter().hasEventType() ? new RegExp(o.getFilter().getEventType().getRegex()) : undefined;
    const ok = (r: Rec) => !regex || regex.test(r.type);
    let after = -1;
    if (ao.hasEnd()) after = this.next;
    else if (ao.hasPosition()) {
      const p = Number(ao.getPosition().getCommitPosition());
      const first = this.log.find((r) => r.position >= p);
      if (p < this.next && !this.log.some((r) => r.position === p)) return this.fail(call, 'invalid position');
      after = first ? first.position : this.next; // server skips the first record at or after p
    }
    const conf = new pb.ReadResp(); const c = new pb.ReadResp.SubscriptionConfirmation(); c.setSubscriptionId('sub'); conf.setConfirmation(c); call.write(conf);
    let done = false;
    const listener = (r: Rec) => { if (!done && ok(r) && r.position > after) call.write(this.toResp(r)); };
    for (const r of this.log) if (ok(r) && r.position > after) call.write(this.toResp(r));
    const cu = new pb.ReadResp(); cu.setCaughtUp(new pb.ReadResp.CaughtUp()); call.write(cu);
    this.live.add(listener);
    call.on('cancelled', () => { done = true; this.live.delete(listener); });
  }

  private append(call: grpc.ServerReadableStream<any, any>, cb: grpc.sendUnaryData<any>) {
    let options: any; const msgs: any[] = [];
    call.on('data', (req: any) => { if (req.hasOptions()) options = req.getOptions(); else msgs.push(req.getProposedMessage()); });
    call.on('end', () => {
      this.stats.appends++;
      const name = Buffer.from(options.getStreamIdentifier().getStreamName_asU8()).toString();
      const stream = this.streams.get(name) ?? [];
      const current = stream.length - 1;
      const ids = msgs.map((m) => m.getId().getString() as string);
      const size = msgs.reduce((n, m) => n + m.getData_asU8().length + m.getCustomMetadata_asU8().length, 0);
      if (size > this.maxAppendSize) { cb({ code: grpc.status.INVALID_ARGUMENT, details: `Maximum Append Size of ${this.maxAppendSize} Exceeded.` } as any); return; }
      let expected: number | 'any' | 'no_stream' = 'any';
      if (options.hasRevision()) expected = Number(options.getRevision()); else if (options.hasNoStream()) expected = 'no_stream';
      const exp = expected === 'no_stream' ? -1 : expected;
      const respond = (lastRev: number, last: Rec | undefined, first: Rec | undefined) => {
        const resp = new pb.AppendResp(); const s = new pb.AppendResp.Success(); s.setCurrentRevision(String(lastRev));
        if (last && first) { const p = new pb.AppendResp.Position(); p.setCommitPosition(String(last.position)); p.setPreparePosition(String(first.position)); s.setPosition(p); } else s.setNoPosition(new shared.Empty());
        resp.setSuccess(s); cb(null, resp);
      };
      // Idempotency, as the server does it: the same ids right after the expected revision.
      if (exp !== 'any' && exp < current) {
        const window = stream.slice(exp + 1, exp + 1 + ids.length);
        if (window.length === ids.length && window.every((r, i) => r.id === ids[i])) return respond(window[window.length - 1].revision, window[window.length - 1], window[0]);
      }
      if (exp !== 'any' && exp !== current) {
        this.stats.wev++;
        const resp = new pb.AppendResp(); const w = new pb.AppendResp.WrongExpectedVersion();
        if (current < 0) w.setCurrentNoStream(new shared.Empty()); else w.setCurrentRevision(String(current));
        if (exp === -1) w.setExpectedNoStream(new shared.Empty()); else w.setExpectedRevision(String(exp));
        resp.setWrongExpectedVersion(w); cb(null, resp); return;
      }
      const written = msgs.map((m) => this.write(name, m.getMetadataMap().get('type'), m.getId().getString(), m.getMetadataMap().get('content-type'), m.getData_asU8(), m.getCustomMetadata_asU8()));
      if (this.systemEvery && this.stats.appends % this.systemEvery === 0) {
        this.write('$stats-fake', '$statsCollected', '00000000-0000-4000-8000-' + String(this.stats.appends).padStart(12, '0'), 'application/json', Buffer.from('{}'), Buffer.from(''));
        this.write('$ce-' + name.split('-')[0], '$>', '00000000-0000-4000-9000-' + String(this.stats.appends).padStart(12, '0'), 'application/octet-stream', Buffer.from('0@' + name), Buffer.from(''));
      }
      respond(written[written.length - 1].revision, written[written.length - 1], written[0]);
    });
  }

  start(): Promise<string> {
    this.server.addService(StreamsService, { read: (c: any) => this.read(c), append: (c: any, cb: any) => this.append(c, cb) } as any);
    return new Promise((resolve, reject) => this.server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
      if (err) return reject(err); this.port = port; resolve(`esdb://127.0.0.1:${port}?tls=false`);
    }));
  }
  stop(): Promise<void> { return new Promise((r) => this.server.tryShutdown(() => r())); }
}
