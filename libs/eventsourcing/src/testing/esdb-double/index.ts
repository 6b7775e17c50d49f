/**
 * A TEST DOUBLE of EventStoreDB's gRPC interface (not a server): see DoubleNode. What each part
 * follows in the server's source (EventStore/EventStore, now kurrent-io/KurrentDB), under
 * src/…/Services/Transport/Grpc unless said otherwise:
 * - Streams.Read.cs, Enumerators/Enumerator.AllSubscriptionFiltered.cs: reads and subscriptions;
 * - Streams.Append.cs, Streams.BatchAppend.cs, BatchAppendResp.cs, Status.cs: appends and their
 *   answers;
 * - Services/Storage/ReaderIndex/IndexWriter.cs (CheckCommit): expected revisions, idempotency;
 * - RpcExceptions.cs, Transport/Common/Position.cs: errors, NotLeader, "no position";
 * - Services/VNode/ClusterVNodeController.cs (HandleAsNonLeader): followers forward writes unless
 *   the client requires the leader;
 * - ServerFeatures.cs: the methods the client may use.
 */
export { DoubleNode, type DoubleCall, type DoubleNodeOptions } from './node';
export { DoubleLog } from './log';
