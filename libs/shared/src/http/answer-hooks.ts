/**
 * Work a request leaves for its answer, done when the answer is sent and before it leaves (on
 * Fastify, its onSend hook: `settleAnswer`). The Idempotency-Key's record of the answer is one: a
 * repeat that arrives once the caller has the answer must find it recorded.
 */
export type AnswerHook = (status: number, body: unknown) => Promise<void>;

const HOOK = Symbol('answer hook');

type WithHook = object & { [HOOK]?: AnswerHook };

/** Leaves `hook` for the answer to this (raw Node) request; one per request. */
export function whenAnswered(request: object, hook: AnswerHook): void {
  (request as WithHook)[HOOK] = hook;
}

/**
 * Runs the work left for this answer, if any, with the answer's status and its body (the JSON
 * payload parsed back; undefined for an empty one). Whatever it throws is the caller's to answer.
 */
export async function settleAnswer(request: object, status: number, payload: unknown): Promise<void> {
  const hook = (request as WithHook)[HOOK];
  if (!hook) return;
  (request as WithHook)[HOOK] = undefined;
  await hook(status, bodyOf(payload));
}

function bodyOf(payload: unknown): unknown {
  const text = Buffer.isBuffer(payload) ? payload.toString('utf8') : payload;
  if (typeof text !== 'string' || text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
