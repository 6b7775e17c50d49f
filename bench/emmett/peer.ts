// The peer of the HTTP command bench: the same two commands (draft and submit an expression of
// interest) served by Emmett on Emmett's own SQLite event store, as its own process:
//   PORT=… EMMETT_DB=…/emmett.sqlite AUTH_DEV_SECRET=… node dist/bench/emmett/peer.js
// What it does and does not do per command, beside ours: bench/emmett/README.md.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { CommandHandler, type Event } from '@event-driven-io/emmett';
import { getSQLiteEventStore, type SQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { applicationIdFor, applicationStream } from '@app/applications';
import {
  evolveExpressionOfInterest,
  initialExpressionOfInterestState,
} from '../../libs/applications/src/expression-of-interest';
import { authorizeChange, toApplicant } from '../../libs/applications/src/application-access';
import type { CallFacts } from '../../libs/applications/src/call-facts';
import { draftExpressionOfInterest } from '../../libs/applications/src/draft-expression-of-interest/draft-expression-of-interest.decide';
import { ExpressionOfInterestDto, toContent } from '../../libs/applications/src/expression-of-interest.dto';
import { submitExpressionOfInterest } from '../../libs/applications/src/submit-expression-of-interest/submit-expression-of-interest.decide';
import { DomainError, isValidId } from '@app/eventsourcing';
import { CachingTokenVerifier, DevTokenVerifier, type Principal } from '@app/identity';
import {
  CALL_TERMS_ONLY,
  type CallEvent,
  type CallState,
  callStream,
  evolveCall,
  initialCallState,
} from '@app/programmes-calls';
import { draftCall } from '../../libs/programmes-calls/src/draft-call/draft-call.decide';
import { publishCall } from '../../libs/programmes-calls/src/publish-call/publish-call.decide';
import { MunicipalityRegistry, STATUS_BY_KIND, TERMS_KKZ } from '@app/shared';
import { BENCH_PROGRAMME, benchCall } from '../support/fixtures';
import { municipalitiesCsv } from '../support/paths';

const PEER_READY_LINE = 'EMMETT PEER listening on ';

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(code);
  }
}

const port = Number(process.env.PORT);
const fileName = process.env.EMMETT_DB;
const secret = process.env.AUTH_DEV_SECRET;
if (!port || !fileName || !secret) throw new Error('PORT, EMMETT_DB and AUTH_DEV_SECRET are required');

const verifier = new CachingTokenVerifier(new DevTokenVerifier(secret));
const registry = MunicipalityRegistry.fromCsvFile(municipalitiesCsv);
/**
 * Emmett 0.38's SQLite store keeps one connection per store object, opens it for each operation
 * and closes it after, so two operations in flight on one store object would use a connection the
 * other closed; store objects of their own per command (own connections) fail under this load with
 * SQLITE_BUSY past node-sqlite3's 1 s busy timeout. So the store part of each command (its reads
 * and its append) runs one command at a time, on one store object; authentication, validation
 * and the response run concurrently. SQLite writes one transaction at a time anyway.
 */
const store: SQLiteEventStore = getSQLiteEventStore({ fileName });
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(work: (store: SQLiteEventStore) => Promise<T>): Promise<T> {
  const result = queue.then(
    () => work(store),
    () => work(store),
  );
  queue = result.catch(() => undefined);
  return result;
}

const handleApplication = CommandHandler({
  evolve: evolveExpressionOfInterest,
  initialState: initialExpressionOfInterestState,
});
/** Our call events are closed interfaces; Emmett's Event wants an open record: same objects. */
const evolveCallEvent = (state: CallState, event: Event) => evolveCall(state, event as unknown as CallEvent);
const callEvents = (events: CallEvent[]) => events as unknown as Event[];
const handleCall = CommandHandler({ evolve: evolveCallEvent, initialState: initialCallState });

/** The call as its stream says it is now, as our loadCallFacts builds it. */
async function loadCallFacts(store: SQLiteEventStore, callId: string): Promise<CallFacts> {
  const { state } = await store.aggregateStream(callStream(callId), {
    evolve: evolveCallEvent,
    initialState: initialCallState,
  });
  if (state.status === 'none') {
    return {
      callId,
      programmeId: '',
      status: 'none',
      closesAt: '',
      eligibleApplicantTypes: [],
      conditions: { councilResolution: 'not-required', coordinatorRequired: false },
    };
  }
  return {
    callId,
    programmeId: state.terms.programmeId,
    status: state.status === 'closed' ? 'published' : state.status,
    closesAt: state.terms.closesAt,
    eligibleApplicantTypes: state.terms.eligibleApplicantTypes,
    conditions: state.terms.conditions,
  };
}

async function authenticate(req: IncomingMessage, role: string): Promise<Principal> {
  const header = req.headers.authorization;
  if (!header?.startsWith('Bearer ')) throw new HttpRefusal(401, 'unauthenticated');
  const principal = await verifier.verify(header.slice('Bearer '.length));
  if (!principal.roles.includes(role as Principal['roles'][number])) throw new HttpRefusal(403, 'forbidden');
  return principal;
}

async function validBody(body: unknown): Promise<ExpressionOfInterestDto> {
  const dto = plainToInstance(ExpressionOfInterestDto, body);
  const errors = await validate(dto as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) throw new HttpRefusal(400, 'validation-failed');
  return dto;
}

function id(value: string): string {
  if (!isValidId(value)) throw new HttpRefusal(400, 'invalid-id');
  return value;
}

async function draft(req: IncomingMessage, callId: string, body: unknown) {
  const principal = await authenticate(req, 'municipality');
  const { memberAgs, content } = toContent(await validBody(body));
  const leadAgs = principal.ags as string;
  const applicationId = applicationIdFor(callId, leadAgs);
  const result = await serially(async (store) => {
    const command = {
      applicationId,
      leadAgs,
      content,
      call: await loadCallFacts(store, callId),
      applicant: toApplicant(registry, leadAgs),
      members: memberAgs.map((ags) => ({ ags, municipality: toApplicant(registry, ags) })),
      now: new Date().toISOString(),
    };
    return handleApplication(store, applicationStream(applicationId), (state) =>
      draftExpressionOfInterest(command, state),
    );
  });
  return { status: 201, body: { id: applicationId, revision: Number(result.nextExpectedStreamVersion) - 1 } };
}

async function submit(req: IncomingMessage, applicationId: string) {
  const principal = await authenticate(req, 'municipality');
  const stream = applicationStream(applicationId);
  const result = await serially(async (store) => {
    const { state } = await store.aggregateStream(stream, {
      evolve: evolveExpressionOfInterest,
      initialState: initialExpressionOfInterestState,
    });
    authorizeChange(state, applicationId, principal);
    const call = await loadCallFacts(store, state.callId);
    const command = {
      applicationId,
      call,
      rules: { conditions: call.conditions, applied: CALL_TERMS_ONLY },
      now: new Date().toISOString(),
    };
    return handleApplication(store, stream, (current) => submitExpressionOfInterest(command, current));
  });
  return { status: 200, body: { id: applicationId, revision: Number(result.nextExpectedStreamVersion) - 1 } };
}

const BENCH_TERMS = [
  { programmeId: BENCH_PROGRAMME.programmeId, version: 1, effectiveFrom: '2000-01-01', rules: TERMS_KKZ },
];

/** Setup, not measured: the grants office's call, drafted and published by our own deciders. */
async function openCall(req: IncomingMessage, callId: string) {
  await authenticate(req, 'grants-office');
  const terms = { ...benchCall(callId), programmeId: BENCH_PROGRAMME.programmeId };
  const now = new Date().toISOString();
  const closesAt = '2099-12-31T23:00:00.000Z';
  const closing = { date: '2099-12-31', rule: 'fixed' as const, lastDay: '2099-12-31', holidayRegion: 'NW' };
  await serially((store) =>
    handleCall(store, callStream(callId), [
      (state) =>
        callEvents(draftCall({ terms: { ...terms, closing, closesAt }, programmeExists: true, now }, state)),
      // The peer keeps no programme stream: the bench programme's terms, in force since 2000.
      (state) => callEvents(publishCall({ callId, now, termsVersions: BENCH_TERMS }, state)),
    ]),
  );
  return { status: 201, body: { id: callId, revision: 1 } };
}

const DRAFT = /^\/calls\/([^/]+)\/expressions-of-interest$/;
const SUBMIT = /^\/expressions-of-interest\/([^/]+)\/submit$/;
const CALL = /^\/bench\/calls\/([^/]+)$/;

async function route(req: IncomingMessage, body: unknown) {
  const path = req.url ?? '';
  let match: RegExpExecArray | null;
  if (req.method === 'POST' && (match = DRAFT.exec(path))) return draft(req, id(match[1]), body);
  if (req.method === 'POST' && (match = SUBMIT.exec(path))) return submit(req, id(match[1]));
  if (req.method === 'POST' && (match = CALL.exec(path))) return openCall(req, id(match[1]));
  throw new HttpRefusal(404, 'route-not-found');
}

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function refusal(error: unknown): { status: number; code: string } {
  if (error instanceof HttpRefusal) return error;
  if (error instanceof DomainError) return { status: STATUS_BY_KIND[error.kind], code: error.code };
  if (error instanceof Error && error.name === 'ExpectedVersionConflictError') {
    return { status: 409, code: 'concurrency-conflict' };
  }
  return { status: 500, code: 'internal' };
}

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    Promise.resolve()
      .then(() => route(req, raw ? (JSON.parse(raw) as unknown) : undefined))
      .then(
        ({ status, body }) => send(res, status, body),
        (error: unknown) => {
          const { status, code } = refusal(error);
          if (status === 500) process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
          send(res, status, { status, code }, 'application/problem+json');
        },
      );
  });
});
server.keepAliveTimeout = 60_000;
// The schema, once, before the first request.
void serially((s) => s.readStream('bench-schema')).then(() =>
  server.listen(port, '127.0.0.1', () => process.stdout.write(`${PEER_READY_LINE}${port}\n`)),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
