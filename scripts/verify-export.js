// Offline verifier for audit exports: `node verify-export.js <export.ndjson> [--public-key <key>]`.
// One file that needs nothing but Node's own modules, so that an auditor can copy it beside an
// export and run it with no install, no build, no server and no configuration. The server writes
// exports with its TypeScript code; libs/audit/src/export/offline-verifier.spec.ts holds this
// file's canonical JSON, event hash and Merkle root to that code, value for value.
'use strict';
/* global Buffer */
const { createHash, createPublicKey, verify } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { parseArgs } = require('node:util');

const EXPORT_FORMAT = 'kkz-audit-export/1';
const GENESIS_HASH = '0'.repeat(64);
const EXIT = { ok: 0, mismatch: 1, failure: 2 };
const MAX_PROBLEMS = 100;
const SHA256_HEX = /^[0-9a-f]{64}$/;
const RAW_KEY_BASE64 = /^[A-Za-z0-9+/]{43}=$/;
const USAGE =
  'usage: npm run audit:verify-export -- <export.ndjson> [--public-key <pem file | base64 key | key id>] [--json]';

/** Object keys sorted, `undefined` members dropped, no whitespace: what every hash is taken over. */
function canonicalJson(value) {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError('canonicalJson: non-finite numbers cannot be hashed');
    }
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  }
  const parts = [];
  for (const key of Object.keys(value).sort()) {
    if (value[key] !== undefined) parts.push(`${JSON.stringify(key)}:${canonicalJson(value[key])}`);
  }
  return `{${parts.join(',')}}`;
}

const sha256 = (...parts) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

/** SHA-256 over the previous hash, a newline and the canonical event without its own hash. */
function eventHash({ streamId, revision, type, data, metadata }) {
  const body = canonicalJson({ streamId, revision, type, data, metadata });
  return sha256(metadata.prevHash, '\n', body).toString('hex');
}

/** RFC 6962-style root over stream heads sorted by id; an odd node moves up unchanged. */
function merkleRoot(heads) {
  if (heads.length === 0) return sha256('').toString('hex');
  const sorted = [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  let level = sorted.map((h) => sha256(Buffer.from([0]), `${h.streamId}\n${h.revision}\n${h.hash}`));
  while (level.length > 1) {
    const next = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? sha256(Buffer.from([1]), level[i], level[i + 1]) : level[i]);
    }
    level = next;
  }
  return level[0].toString('hex');
}

/**
 * The Ed25519 key `key` is, described; throws for any other type. The raw key comes from the JWK
 * and the key id from that raw key, never from the last bytes of an encoding: an RSA key can be
 * built whose SPKI ends in any 32 bytes one likes.
 */
function publicKeyInfo(key) {
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType} key, not Ed25519`);
  const raw = Buffer.from(key.export({ format: 'jwk' }).x, 'base64url');
  return {
    algorithm: 'Ed25519',
    publicKeyPem: key.export({ format: 'pem', type: 'spki' }).toString(),
    publicKey: raw.toString('base64'),
    keyId: sha256(raw).toString('hex'),
  };
}

/** An Ed25519 public key from SPKI PEM or a base64 raw key; undefined for anything else. */
function readEd25519PublicKey(text) {
  const trimmed = String(text).trim();
  try {
    let key;
    if (trimmed.startsWith('-----BEGIN')) key = createPublicKey(trimmed);
    else if (RAW_KEY_BASE64.test(trimmed)) {
      const x = Buffer.from(trimmed, 'base64').toString('base64url');
      key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    }
    return key?.asymmetricKeyType === 'ed25519' ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Whether `pin` (hex key id, SPKI PEM or base64 raw key) names exactly `key`; undefined if unreadable. */
function matchesPin(key, pin) {
  const text = String(pin).trim();
  if (SHA256_HEX.test(text.toLowerCase())) return publicKeyInfo(key).keyId === text.toLowerCase();
  const pinned = readEd25519PublicKey(text);
  if (!pinned) return undefined;
  const spki = (k) => k.export({ format: 'der', type: 'spki' });
  return spki(pinned).equals(spki(key));
}

const isCount = (n) => Number.isSafeInteger(n) && n >= 0;
const isHash = (h) => typeof h === 'string' && SHA256_HEX.test(h);
const isObject = (o) => o !== null && typeof o === 'object' && !Array.isArray(o);

/** What is wrong with an event line's shape, or undefined. */
function eventShapeProblem(e) {
  if (!isObject(e)) return 'not a JSON object';
  if (typeof e.streamId !== 'string' || e.streamId === '') return 'no streamId';
  if (!isCount(e.revision)) return 'no revision';
  if (!isCount(e.position) || e.position === 0) return 'no position';
  if (typeof e.type !== 'string') return 'no type';
  if (!isObject(e.metadata)) return 'no metadata';
  if (!isHash(e.metadata.prevHash)) return 'no metadata.prevHash (SHA-256 hex)';
  if (!isHash(e.metadata.hash)) return 'no metadata.hash (SHA-256 hex)';
  return undefined;
}

/** What is wrong with the manifest's shape, or undefined. */
function manifestShapeProblem(trailer) {
  if (!isObject(trailer) || !isObject(trailer.manifest)) return `is not a ${EXPORT_FORMAT} manifest`;
  const m = trailer.manifest;
  if (m.format !== EXPORT_FORMAT) return `is not a ${EXPORT_FORMAT} manifest`;
  if (typeof trailer.signature !== 'string') return 'carries no signature';
  if (!isCount(m.events) || !isCount(m.streams)) return 'does not count events and streams';
  if (!isHash(m.ndjsonSha256) || !isHash(m.merkleRoot)) return 'has no ndjsonSha256 or merkleRoot';
  if (!isObject(m.publicKey) || typeof m.publicKey.publicKeyPem !== 'string') return 'carries no public key';
  if (!Array.isArray(m.streamHeads)) return 'has no list of stream heads';
  const bad = m.streamHeads.findIndex(
    (s) =>
      !isObject(s) ||
      typeof s.streamId !== 'string' ||
      ![s.firstRevision, s.lastRevision, s.events].every(isCount) ||
      !isHash(s.firstPrevHash) ||
      !isHash(s.headHash),
  );
  return bad >= 0 ? `has a malformed stream head (entry ${bad + 1})` : undefined;
}

/**
 * Checks an export from its bytes alone: the manifest's Ed25519 signature, the SHA-256 of the
 * event lines, every event's hash, every link between consecutive events of a stream, the ends
 * and counts of every stream, and the Merkle root. With `pinnedPublicKey` (PEM, base64 raw key or
 * hex key id), also that it was signed by that key and not by whoever last edited the file.
 * Never throws: whatever the file holds comes back as problems, naming the line.
 */
function verifyExport(input, options = {}) {
  const content = Buffer.isBuffer(input) ? input : Buffer.from(String(input), 'utf8');
  const problems = [];
  const problem = (text) => {
    if (problems.length < MAX_PROBLEMS) problems.push(text);
    else if (problems.length === MAX_PROBLEMS) problems.push('… further problems not listed');
  };
  const found = { events: 0, streams: new Map() };
  let keyId;
  let manifest;
  try {
    const end =
      content.length > 0 && content[content.length - 1] === 0x0a ? content.length - 1 : content.length;
    const trailerStart = content.lastIndexOf(0x0a, end - 1) + 1;
    const body = content.subarray(0, trailerStart);
    const lines = body.toString('utf8').split('\n');
    lines.pop();
    const at = `line ${lines.length + 1} (the manifest)`;
    let trailer;
    try {
      trailer = JSON.parse(content.subarray(trailerStart, end).toString('utf8'));
    } catch {
      trailer = undefined;
    }
    const shape = manifestShapeProblem(trailer);
    checkEvents(lines, found, problem);
    if (shape) {
      problem(`${at} ${shape}`);
    } else {
      manifest = trailer.manifest;
      keyId = checkSignature(trailer, options.pinnedPublicKey, at, problem);
      if (sha256(body).toString('hex') !== manifest.ndjsonSha256) {
        problem(
          'the event lines do not have the SHA-256 the manifest names (lines altered, added, removed or reordered)',
        );
      }
      if (found.events !== manifest.events) {
        problem(`the manifest counts ${manifest.events} events, the file holds ${found.events}`);
      }
      checkStreams(found.streams, manifest, problem);
    }
  } catch (error) {
    problem(`the export could not be checked to the end: ${error?.message ?? error}`);
  }
  const latest = manifest?.store?.latestCheckpoint;
  return {
    ok: problems.length === 0,
    problems,
    events: found.events,
    streams: found.streams.size,
    ...(keyId ? { keyId } : {}),
    pinned: options.pinnedPublicKey !== undefined,
    ...(isObject(latest) ? { latestCheckpoint: latest } : {}),
  };
}

function checkSignature({ manifest, signature }, pin, at, problem) {
  let key;
  try {
    key = createPublicKey(manifest.publicKey.publicKeyPem);
  } catch {
    key = undefined;
  }
  if (key?.asymmetricKeyType !== 'ed25519') {
    problem(`${at} carries no Ed25519 public key${key ? ` (a ${key.asymmetricKeyType} key)` : ''}`);
    return undefined;
  }
  const info = publicKeyInfo(key);
  if (info.publicKey !== manifest.publicKey.publicKey || info.keyId !== manifest.publicKey.keyId) {
    problem(`${at} names a key id or raw key that does not belong to its public key`);
  }
  const payload = Buffer.from(canonicalJson(manifest), 'utf8');
  // Only the signature's own text: Node's decoder also reads texts with skipped characters or
  // other unused bits as the same bytes, and such an altered signature must not pass.
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.toString('base64') !== signature || bytes.length !== 64 || !verify(null, payload, key, bytes)) {
    problem('the signature does not match the manifest (manifest altered or signed by another key)');
  }
  if (pin !== undefined) {
    const matches = matchesPin(key, pin);
    if (matches === undefined)
      problem('the pinned key is not an Ed25519 key (SPKI PEM, base64 raw key or hex key id)');
    else if (!matches) problem(`the export was signed by key ${info.keyId}, not by the pinned key`);
  }
  return info.keyId;
}

function checkEvents(lines, found, problem) {
  let lastPosition = 0;
  lines.forEach((line, index) => {
    let event;
    try {
      event = JSON.parse(line);
    } catch {
      event = undefined;
    }
    const shape = event === undefined ? 'not JSON' : eventShapeProblem(event);
    if (shape) {
      problem(`line ${index + 1} is not a stored event: ${shape}`);
      return;
    }
    found.events++;
    const where = `line ${index + 1} (${event.streamId} revision ${event.revision})`;
    if (!(event.position > lastPosition)) problem(`${where}: position ${event.position} is out of order`);
    lastPosition = Math.max(lastPosition, event.position);
    const { hash, ...rest } = event.metadata;
    if (eventHash({ ...event, metadata: rest }) !== hash) {
      problem(`${where}: the hash does not match the event (payload or metadata altered)`);
    }
    const stream = found.streams.get(event.streamId);
    if (!stream) {
      found.streams.set(event.streamId, {
        firstRevision: event.revision,
        lastRevision: event.revision,
        events: 1,
        firstPrevHash: event.metadata.prevHash,
        headHash: hash,
      });
      if (event.revision === 0 && event.metadata.prevHash !== GENESIS_HASH) {
        problem(`${where}: the first event of a stream must chain to the genesis hash`);
      }
      return;
    }
    if (event.revision !== stream.lastRevision + 1) {
      problem(`${where}: expected revision ${stream.lastRevision + 1} (an event is missing or moved)`);
    } else if (event.metadata.prevHash !== stream.headHash) {
      problem(`${where}: does not chain to revision ${stream.lastRevision}`);
    }
    stream.lastRevision = event.revision;
    stream.events++;
    stream.headHash = hash;
  });
}

function checkStreams(found, manifest, problem) {
  const listed = new Map(manifest.streamHeads.map((s) => [s.streamId, s]));
  if (manifest.streams !== listed.size) {
    problem(`the manifest counts ${manifest.streams} streams but lists ${listed.size}`);
  }
  for (const [streamId, s] of listed) {
    const f = found.get(streamId);
    if (!f) {
      problem(`stream ${streamId} is in the manifest but not in the file`);
      continue;
    }
    for (const field of ['firstRevision', 'lastRevision', 'events', 'firstPrevHash', 'headHash']) {
      if (f[field] !== s[field])
        problem(`stream ${streamId}: ${field} is ${f[field]} in the file, ${s[field]} in the manifest`);
    }
  }
  for (const streamId of found.keys()) {
    if (!listed.has(streamId)) problem(`stream ${streamId} is in the file but not in the manifest`);
  }
  const heads = manifest.streamHeads.map((s) => ({
    streamId: s.streamId,
    revision: s.lastRevision,
    hash: s.headHash,
  }));
  if (merkleRoot(heads) !== manifest.merkleRoot) {
    problem('the Merkle root does not match the stream heads the manifest lists');
  }
}

const line = (stream) => (text) => stream.write(`${text}\n`);

/**
 * Without --public-key it proves the file intact and self-consistent; only a key obtained
 * independently (GET /audit/public-key, or the fingerprint the grants office publishes) proves
 * who signed it, since whoever alters an export can re-sign it with a key of their own.
 */
function main(argv, out = line(process.stdout), err = line(process.stderr)) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { 'public-key': { type: 'string' }, json: { type: 'boolean', default: false } },
    });
  } catch (error) {
    err(`${error.message}\n${USAGE}`);
    return EXIT.failure;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    err(USAGE);
    return EXIT.failure;
  }
  const [file] = positionals;
  if (!existsSync(file)) {
    err(`audit:verify-export: there is no file ${file}`);
    return EXIT.failure;
  }
  const pin = values['public-key'];
  const pinnedPublicKey = pin !== undefined && existsSync(pin) ? readFileSync(pin, 'utf8') : pin;
  if (
    pinnedPublicKey !== undefined &&
    !SHA256_HEX.test(pinnedPublicKey.trim().toLowerCase()) &&
    !readEd25519PublicKey(pinnedPublicKey)
  ) {
    err(
      `audit:verify-export: --public-key must be an Ed25519 public key (SPKI PEM or its file, base64 raw key) or a hex key id\n${USAGE}`,
    );
    return EXIT.failure;
  }
  const result = verifyExport(readFileSync(file), { pinnedPublicKey });
  if (values.json) {
    out(JSON.stringify(result, null, 2));
    return result.ok ? EXIT.ok : EXIT.mismatch;
  }
  out(
    `${file}: ${result.events} events in ${result.streams} streams, signed by key ${result.keyId ?? 'unknown'}`,
  );
  for (const p of result.problems) out(`MISMATCH ${p}`);
  if (result.ok && !result.pinned) {
    out('note: no --public-key given, so the signer is not checked: pin the key from GET /audit/public-key');
  }
  const latest = result.latestCheckpoint;
  if (result.ok && latest) {
    out(
      `the store's newest integrity checkpoint at export: #${latest.sequence} (root ${latest.merkleRoot}); ` +
        `keep it to detect a store cut back later: npm run audit:verify -- --expect ${latest.sequence}:${latest.merkleRoot}`,
    );
  }
  out(
    result.ok ? 'OK: the export is intact and its signature verifies' : 'FAILED: the export does not verify',
  );
  return result.ok ? EXIT.ok : EXIT.mismatch;
}

module.exports = {
  EXIT,
  EXPORT_FORMAT,
  GENESIS_HASH,
  canonicalJson,
  eventHash,
  merkleRoot,
  publicKeyInfo,
  readEd25519PublicKey,
  verifyExport,
  main,
};

if (require.main === module) {
  let code;
  try {
    code = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`audit:verify-export: ${error?.message ?? error}\n`);
    code = EXIT.failure;
  }
  process.exitCode = code;
}
