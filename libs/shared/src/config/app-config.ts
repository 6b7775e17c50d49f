import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { isEventStoreDbUrl } from '@app/eventsourcing/adapters/esdb-url';
import type { FollowerThresholds } from '../nest/follower-health';
import type { ClockSettings } from '../time/simulated-clock';
import { type AuditConfig, loadAuditConfig } from './audit-config';
import { MunicipalityRegistry, RegistryFileError } from '../municipalities/municipality-registry';
import { projectRoot } from './project-root';

export type EventStoreConfig =
  { kind: 'sqlite'; file: string } | { kind: 'memory' } | { kind: 'esdb'; url: string };

export type AuthConfig =
  | { mode: 'dev'; devSecret?: string }
  | {
      mode: 'oidc';
      jwksUrl: string;
      issuer: string;
      audience: string;
      rolesClaim: string;
      agsClaim: string;
      /** The web workspace's client id at the identity provider (authorization code with PKCE). */
      webClientId: string;
    };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  /** Port of the worker's /health. */
  workerPort: number;
  dataDir: string;
  eventStore: EventStoreConfig;
  redisUrl: string;
  logLevel: string;
  auth: AuthConfig;
  bodyLimitBytes: number;
  municipalityRegistryFile: string;
  /** Requests per minute per caller; 0 switches the limit off. */
  rateLimitPerMinute: number;
  /** How long a command waits for its events to reach the read models before answering. */
  projectionWaitMs: number;
  /** Express "trust proxy": which proxies may tell the client's address (X-Forwarded-For). */
  trustProxy: string;
  /** The key that signs audit exports, and how often integrity checkpoints are recorded. */
  audit: AuditConfig;
  /** Whether the API process also runs the worker (deadlines): the embedded default. */
  runWorkerInApi: boolean;
  /** BullMQ key prefix in Redis: separates installations (and tests) sharing one Redis. */
  queuePrefix: string;
  /** How often the worker checks that every open deadline has its queued jobs. */
  deadlineReconcileIntervalMs: number;
  /** One BullMQ job per due instant (all deadlines due then fired together) rather than one per deadline. */
  deadlineGroupFiring: boolean;
  /** When /health calls a follower of the store (deadline manager, notification dispatcher) lagging or stalled. */
  followerHealth: FollowerThresholds;
  /** The system clock, or a simulated, accelerated one for the demo (never in production). */
  clock: ClockSettings;
  /** The web workspace's built files (apps/web → dist/web), served at `/`; none served if missing. */
  webRoot: string;
  /**
   * Persisted read models (embedded SQLite store only): loaded at start and caught up from their
   * position, written every `everyEvents` events, after `maxAgeMs` and at an orderly shutdown.
   */
  readModelSnapshots: {
    enabled: boolean;
    dir: string;
    everyEvents: number;
    maxAgeMs: number;
    minIntervalMs: number;
  };
}

/** Every mistake in the environment, one sentence each, so they can be fixed in one go. */
/** The official Gemeindeverzeichnis of NRW (all Gemeinden and Kreise, population by reference date). */
export const DEFAULT_REGISTRY_FILE = 'reference-data/nrw-gemeindeverzeichnis.csv';
/** The demo's cast: the 77 municipalities of the 2011 programme with the ~2011 figures its tiers used. */
export const DEMO_REGISTRY_FILE = 'reference-data/nrw-municipalities.csv';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    // One mistake is one line; several are listed one per line.
    super(
      problems.length === 1
        ? `Invalid configuration: ${problems[0]}`
        : `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const str = (name: string, fallback: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? fallback : v.trim();
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = str(name, String(fallback));
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, not "${raw}".`);
      return fallback;
    }
    return n;
  };
  const url = (name: string, value: string, protocols: string[]) => {
    try {
      const parsed = new URL(value);
      if (!protocols.includes(parsed.protocol)) throw new Error();
    } catch {
      problems.push(
        `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, not "${value}".`,
      );
    }
    return value;
  };

  const bool = (name: string, fallback: boolean) => {
    const raw = str(name, String(fallback)).toLowerCase();
    if (raw !== 'true' && raw !== 'false') problems.push(`${name} must be true or false, not "${raw}".`);
    return raw === 'true' || (raw !== 'false' && fallback);
  };
  const simulatedClock = (): ClockSettings => {
    const start = str('SIMULATED_CLOCK_START', '');
    if (start === '') return { kind: 'system' };
    const speed = Number(str('SIMULATED_CLOCK_SPEED', '1'));
    const anchor = str('SIMULATED_CLOCK_ANCHOR', '');
    if (!Number.isFinite(Date.parse(start)))
      problems.push(`SIMULATED_CLOCK_START must be an ISO instant, not "${start}".`);
    if (!(speed > 0) || !Number.isFinite(speed))
      problems.push(`SIMULATED_CLOCK_SPEED must be a positive number, not "${env.SIMULATED_CLOCK_SPEED}".`);
    if (anchor !== '' && !Number.isFinite(Date.parse(anchor)))
      problems.push(`SIMULATED_CLOCK_ANCHOR must be an ISO instant, not "${anchor}".`);
    if (nodeEnv === 'production') problems.push('SIMULATED_CLOCK_START is refused when NODE_ENV=production.');
    return { kind: 'simulated', start, speed, ...(anchor ? { anchorWallMs: Date.parse(anchor) } : {}) };
  };

  const nodeEnv = str('NODE_ENV', 'development');
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    problems.push(`NODE_ENV must be development, production or test, not "${nodeEnv}".`);
  }
  const root = projectRoot();
  const dataDirRaw = str('DATA_DIR', './data');
  const dataDir = isAbsolute(dataDirRaw) ? dataDirRaw : resolve(process.cwd(), dataDirRaw);

  const storeUrl = str('EVENT_STORE_URL', '');
  let eventStore: EventStoreConfig = { kind: 'sqlite', file: join(dataDir, 'events.sqlite') };
  if (storeUrl === 'memory:') eventStore = { kind: 'memory' };
  else if (storeUrl.startsWith('sqlite:')) {
    const file = storeUrl.slice('sqlite:'.length);
    if (file === '') problems.push('EVENT_STORE_URL=sqlite: needs a file, e.g. sqlite:./data/events.sqlite.');
    eventStore = { kind: 'sqlite', file: resolve(file) };
  } else if (isEventStoreDbUrl(storeUrl)) eventStore = { kind: 'esdb', url: storeUrl };
  else if (storeUrl !== '') {
    problems.push(
      `EVENT_STORE_URL must be empty (embedded SQLite), "memory:", "sqlite:<file>" or an esdb:// / kurrentdb:// / kdb:// URL, not "${storeUrl}".`,
    );
  }

  const redisUrl = url('REDIS_URL', str('REDIS_URL', 'redis://127.0.0.1:6379'), ['redis:', 'rediss:']);
  const logLevel = str('LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${logLevel}".`);

  const authMode = str('AUTH_MODE', 'dev');
  let auth: AuthConfig = { mode: 'dev' };
  if (authMode === 'dev') {
    const secret = env.AUTH_DEV_SECRET;
    if (secret !== undefined && secret.length < 32)
      problems.push('AUTH_DEV_SECRET must be at least 32 characters long.');
    if (nodeEnv === 'production') {
      problems.push(
        'AUTH_MODE=dev is refused when NODE_ENV=production: set AUTH_MODE=oidc and the OIDC_* variables.',
      );
    }
    auth = { mode: 'dev', devSecret: secret };
  } else if (authMode === 'oidc') {
    const required = (name: string) => {
      const v = str(name, '');
      if (v === '') problems.push(`${name} is required when AUTH_MODE=oidc.`);
      return v;
    };
    const jwksUrl = required('OIDC_JWKS_URL');
    if (jwksUrl) url('OIDC_JWKS_URL', jwksUrl, ['https:', 'http:']);
    const audience = required('OIDC_AUDIENCE');
    auth = {
      mode: 'oidc',
      jwksUrl,
      issuer: required('OIDC_ISSUER'),
      audience,
      rolesClaim: str('OIDC_ROLES_CLAIM', 'roles'),
      agsClaim: str('OIDC_AGS_CLAIM', 'ags'),
      webClientId: str('OIDC_CLIENT_ID', audience),
    };
  } else {
    problems.push(`AUTH_MODE must be dev or oidc, not "${authMode}".`);
  }

  const config: AppConfig = {
    env: nodeEnv as AppConfig['env'],
    host: str('HOST', '127.0.0.1'),
    port: int('PORT', 3000, 0, 65535),
    workerPort: int('WORKER_PORT', 3001, 0, 65535),
    dataDir,
    eventStore,
    redisUrl,
    logLevel,
    auth,
    bodyLimitBytes: int('BODY_LIMIT_KB', 256, 1, 100 * 1024) * 1024,
    municipalityRegistryFile: resolve(root, str('MUNICIPALITY_REGISTRY_FILE', DEFAULT_REGISTRY_FILE)),
    rateLimitPerMinute: int('RATE_LIMIT_PER_MINUTE', 600, 0, 10_000_000),
    projectionWaitMs: int('PROJECTION_WAIT_MS', 5000, 0, 600_000),
    trustProxy: str('TRUST_PROXY', 'loopback'),
    audit: loadAuditConfig(env, dataDir, nodeEnv === 'production', problems),
    // Tests build their workers themselves, with their own queue prefix and Redis database.
    runWorkerInApi: bool('RUN_WORKER_IN_API', eventStore.kind !== 'esdb' && nodeEnv !== 'test'),
    queuePrefix: str('QUEUE_PREFIX', 'kkz'),
    deadlineReconcileIntervalMs: int('DEADLINE_RECONCILE_INTERVAL_S', 300, 1, 86_400) * 1000,
    deadlineGroupFiring: bool('DEADLINE_GROUP_FIRING', true),
    followerHealth: {
      maxBehind: int('HEALTH_MAX_BEHIND_EVENTS', 1000, 0, 1_000_000_000),
      stallMs: int('HEALTH_STALL_S', 10, 1, 86_400) * 1000,
    },
    clock: simulatedClock(),
    webRoot: resolve(root, str('WEB_ROOT', 'dist/web')),
    readModelSnapshots: {
      // Tests start many applications on stores of a few events: they turn snapshots on where they test them.
      enabled: bool('READ_MODEL_SNAPSHOTS', nodeEnv !== 'test'),
      dir: resolve(dataDir, str('READ_MODEL_SNAPSHOT_DIR', '.')),
      everyEvents: int('READ_MODEL_SNAPSHOT_EVERY_EVENTS', 100_000, 1, 1_000_000_000),
      maxAgeMs: int('READ_MODEL_SNAPSHOT_MAX_AGE_S', 3600, 1, 86_400 * 30) * 1000,
      minIntervalMs: int('READ_MODEL_SNAPSHOT_MIN_INTERVAL_S', 1800, 0, 86_400) * 1000,
    },
  };
  if (!existsSync(config.municipalityRegistryFile)) {
    problems.push(`MUNICIPALITY_REGISTRY_FILE: there is no file ${config.municipalityRegistryFile}.`);
  } else {
    // Read once here, so that a bad row stops the start with one sentence (file, line, field).
    try {
      MunicipalityRegistry.fromCsvFile(config.municipalityRegistryFile);
    } catch (e) {
      problems.push(
        e instanceof RegistryFileError
          ? `MUNICIPALITY_REGISTRY_FILE: ${e.message}.`
          : `MUNICIPALITY_REGISTRY_FILE: ${config.municipalityRegistryFile} cannot be read (${(e as Error).message}).`,
      );
    }
  }
  if (config.eventStore.kind === 'sqlite' && !canCreateIn(dirname(config.eventStore.file))) {
    const source = storeUrl ? 'EVENT_STORE_URL' : 'DATA_DIR';
    problems.push(`${source}: the store file ${config.eventStore.file} cannot be created or written.`);
  } else if (config.auth.mode === 'dev' && !config.auth.devSecret && !canCreateIn(dataDir)) {
    problems.push(`DATA_DIR: ${dataDir} cannot be created or written (it holds the dev token secret).`);
  }
  if (config.auth.mode === 'oidc' && nodeEnv === 'production' && config.auth.jwksUrl.startsWith('http:')) {
    problems.push(
      'OIDC_JWKS_URL must use https:// in production: signing keys must not travel in the clear.',
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** Whether a directory exists and is writable, or could be created: checked without creating it. */
function canCreateIn(dir: string): boolean {
  let candidate = resolve(dir);
  while (!existsSync(candidate)) {
    const parent = dirname(candidate);
    if (parent === candidate) return false;
    candidate = parent;
  }
  try {
    accessSync(candidate, constants.W_OK | constants.X_OK);
    return statSync(candidate).isDirectory();
  } catch {
    return false;
  }
}
