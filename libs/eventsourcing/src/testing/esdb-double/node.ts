import {
  type sendUnaryData,
  Server,
  ServerCredentials,
  type ServerUnaryCall,
  type ServiceError,
} from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import type { Empty } from '@eventstore/db-client/generated/shared_pb';
import { type IStreamsServer, StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { serveAppend, serveBatchAppend } from './append';
import { DoubleLog, type LogRecord } from './log';
import { serveRead } from './read';
import { consumerTooSlow, notLeader, unimplemented } from './wire';

export interface DoubleNodeOptions {
  /** The log, shared with the other nodes of a double cluster; a fresh one by default. */
  log?: DoubleLog;
  /** The server's MaxAppendSize (1 MiB by default). */
  maxAppendSize?: number;
  /** Offer Streams.BatchAppend (servers since 21.10; the client then appends through it). */
  batchAppend?: boolean;
  /** Report event positions on stream reads (servers newer than 22.6). */
  positionsOnStreamReads?: boolean;
}

export interface DoubleCall {
  method: 'read' | 'append' | 'batchAppend';
  /** Whether the client sent `requires-leader: true`. */
  requiresLeader: boolean;
  /** The stream read or appended to, or `$all`. */
  target: string;
  subscription: boolean;
}

interface OpenCall {
  on(event: 'cancelled' | 'close' | 'finish' | 'error', listener: () => void): unknown;
  emit(event: 'error', error: ServiceError): boolean;
}

/**
 * A TEST DOUBLE of one EventStoreDB node's gRPC interface, for the official client: it serves
 * the client's own service definitions (Streams, ServerFeatures) on a loopback port and answers
 * as the server does for what the adapter uses (each part cites the server code it follows).
 * It is not EventStoreDB: no persistence, no projections, no authentication, no persistent
 * subscriptions, no stream deletion. What it adds is what a real server makes hard to show in a
 * test: leadership moving away (NotLeader), a dropped subscription, a restart, a read that never
 * answers, a follower that lags behind.
 */
export class DoubleNode {
  readonly log: DoubleLog;
  readonly maxAppendSize: number;
  readonly batchAppend: boolean;
  positionsOnStreamReads: boolean;
  /** Every call received, in order. */
  readonly calls: DoubleCall[] = [];
  /** How many calls this node refused with NotLeader. */
  notLeaderRefusals = 0;
  /** The leader this node forwards to and names in NotLeader; undefined while it leads itself. */
  leader?: DoubleNode;
  /** Reads (not subscriptions) are taken and never answered, as by a stuck server. */
  stallReads = false;
  /** Appends are taken and never answered. */
  stallAppends = false;
  private readonly appendArrivals: (() => void)[] = [];
  private server?: Server;
  private boundPort = 0;
  /** A follower whose replication is paused sees the log only up to here. */
  private replicatedUpTo?: number;
  private readonly subscriptions = new Map<OpenCall, { stopListening: () => void; sendNew: () => void }>();
  private readonly held = new Set<OpenCall>();

  private constructor(options: DoubleNodeOptions) {
    this.log = options.log ?? new DoubleLog();
    this.maxAppendSize = options.maxAppendSize ?? 1024 * 1024;
    this.batchAppend = options.batchAppend ?? true;
    this.positionsOnStreamReads = options.positionsOnStreamReads ?? true;
  }

  static async start(options: DoubleNodeOptions = {}): Promise<DoubleNode> {
    const node = new DoubleNode(options);
    await node.listen(0);
    return node;
  }

  get port(): number {
    return this.boundPort;
  }

  /** The connection string for the official client (one node, no TLS). */
  get url(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** This node becomes a follower of `leader` (an election moved leadership there). */
  followerOf(leader: DoubleNode): void {
    this.leader = leader === this ? undefined : leader;
  }

  /** Leads again. */
  lead(): void {
    this.leader = undefined;
  }

  /** A live subscription: `sendNew` runs whenever the visible log grows, until the call ends. */
  serveLive(call: OpenCall, sendNew: () => void): void {
    const stopListening = this.log.onAppend(sendNew);
    this.subscriptions.set(call, { stopListening, sendNew });
    const forget = () => {
      stopListening();
      this.subscriptions.delete(call);
    };
    call.on('cancelled', forget);
    call.on('close', forget);
    call.on('finish', forget);
  }

  /**
   * Runs `change` when the next append arrives, before it is handled: an election that happens
   * between the reads that decided an append and the append itself.
   */
  whenNextAppendArrives(change: () => void): void {
    this.appendArrivals.push(change);
  }

  /** Called by the append handlers as an append arrives. */
  appendArrived(): void {
    this.appendArrivals.shift()?.();
  }

  /** What a follower refuses: a call that requires the leader (ClusterVNodeController). */
  refusal(requiresLeader: boolean): ServiceError | undefined {
    if (!this.leader || !requiresLeader) return undefined;
    this.notLeaderRefusals++;
    return notLeader('127.0.0.1', this.leader.port);
  }

  /** The follower stops replicating: it keeps serving what it had. */
  pauseReplication(): void {
    this.replicatedUpTo = this.log.end;
  }

  resumeReplication(): void {
    this.replicatedUpTo = undefined;
    for (const { sendNew } of [...this.subscriptions.values()]) sendNew();
  }

  visibleEnd(): number {
    return this.replicatedUpTo ?? this.log.end;
  }

  visible(records: readonly LogRecord[]): readonly LogRecord[] {
    const end = this.visibleEnd();
    return end === this.log.end ? records : records.filter((r) => r.position < end);
  }

  /** Keeps a call open without ever answering it (until the client cancels or the node stops). */
  hold(call: OpenCall): void {
    this.held.add(call);
    const forget = () => this.held.delete(call);
    call.on('cancelled', forget);
    call.on('close', forget);
  }

  /** Calls taken and not answered (stalled reads and appends) that the client has not cancelled. */
  get heldCalls(): number {
    return this.held.size;
  }

  /** Live subscriptions being served. */
  get liveSubscriptions(): number {
    return this.subscriptions.size;
  }

  /**
   * Ends every live subscription as AllSubscription does when its client falls too far behind
   * ("consumer too slow", ABORTED; servers 22.x to 23.x). Returns how many it ended.
   */
  dropSubscriptions(): number {
    const calls = [...this.subscriptions.keys()];
    for (const call of calls) {
      this.subscriptions.get(call)?.stopListening();
      this.subscriptions.delete(call);
      call.emit('error', consumerTooSlow());
    }
    return calls.length;
  }

  /**
   * A server restart: every call is cut (the client sees UNAVAILABLE), the port is closed for
   * `downMs`, then the node serves the same log on the same port again.
   */
  async restart(downMs = 0): Promise<void> {
    this.shutDown();
    if (downMs > 0) await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.listen(this.boundPort);
  }

  async stop(): Promise<void> {
    this.shutDown();
  }

  private shutDown(): void {
    for (const { stopListening } of this.subscriptions.values()) stopListening();
    this.subscriptions.clear();
    this.held.clear();
    this.server?.forceShutdown();
    this.server = undefined;
  }

  private async listen(port: number): Promise<void> {
    const server = new Server();
    const streams: IStreamsServer = {
      read: (call) => serveRead(this, call),
      append: (call, callback) => serveAppend(this, call, callback),
      batchAppend: (call) =>
        this.batchAppend ? serveBatchAppend(this, call) : call.emit('error', unimplemented('BatchAppend')),
      delete: (_call, callback) => callback(unimplemented('Delete')),
      tombstone: (_call, callback) => callback(unimplemented('Tombstone')),
    };
    server.addService(StreamsService, streams);
    server.addService(ServerFeaturesService, {
      getSupportedMethods: (
        call: ServerUnaryCall<Empty, SupportedMethods>,
        callback: sendUnaryData<SupportedMethods>,
      ) => callback(null, this.supportedMethods()),
    });
    this.boundPort = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${port}`, ServerCredentials.createInsecure(), (error, bound) =>
        error ? reject(error) : resolve(bound),
      ),
    );
    this.server = server;
  }

  /**
   * ServerFeatures.GetSupportedMethods (ServerFeatures.cs): lower-cased service and method
   * names; reads carry the features "position" and "events", BatchAppend "deadline_duration".
   * The client appends through BatchAppend when it is listed.
   */
  private supportedMethods(): SupportedMethods {
    const method = (service: string, name: string, features: string[] = []) =>
      new SupportedMethod().setServiceName(service).setMethodName(name).setFeaturesList(features);
    const streams = 'event_store.client.streams.streams';
    const methods = [
      method(streams, 'read', ['position', 'events']),
      method(streams, 'append'),
      ...(this.batchAppend ? [method(streams, 'batchappend', ['deadline_duration'])] : []),
      method('event_store.client.server_features.serverfeatures', 'getsupportedmethods'),
    ];
    return new SupportedMethods().setEventStoreServerVersion('24.10.0').setMethodsList(methods);
  }
}
