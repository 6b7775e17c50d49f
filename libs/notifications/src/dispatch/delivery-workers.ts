import { readlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { Job, type Queue } from 'bullmq';
import type Redis from 'ioredis';

export interface DeliveryWorkersOptions {
  redis: Redis;
  queue: Queue;
  /** The queue prefix of the installation: workers of another installation are not looked at. */
  prefix: string;
  /** BullMQ's id of this process's worker: the first part of every lock token it holds. */
  workerId: string;
  /** How often this worker says it is alive and looks for jobs of dead ones. Default 1 s. */
  beatMs?: number;
  /** How long a worker counts as alive after it last said so. Default 10 s. */
  ttlMs?: number;
  /** Redis was found without this worker's key: it lost its data (or this process stalled). */
  onRedisLost?: () => void;
  onError?: (message: string, error: unknown) => void;
}

interface Registration {
  host: string;
  /** The PID namespace (Linux): a PID means something only inside its own. */
  pidns?: string;
  pid: number;
  since: string;
}

/** A registered worker as the registry and its key tell it. */
type Owner = { registration?: Registration; alive: boolean };

/**
 * The delivery workers of one installation and the jobs of those that died. BullMQ takes a job
 * from a killed worker only when its lock runs out (30 s) and a stall check sees it twice (every
 * 30 s): up to 90 s, and each restart of the checking worker starts that wait over. Here each
 * worker registers under the installation's prefix, with a key that lives `ttlMs` unless renewed;
 * every `beatMs`, and at start, a worker moves back to waiting the active jobs whose lock is gone
 * or is held by a registered worker that is dead: its key expired, or it ran on this host in this
 * PID namespace and its process is gone (at once, so a restarted worker takes its predecessor's
 * jobs up within a second). A lock held by a worker that never registered (an older version in a
 * rolling update) is left to BullMQ. The move is BullMQ's own `moveToWait`, which checks the
 * lock token, so a job that changed hands meanwhile stays where it is.
 */
export class DeliveryWorkers {
  private readonly registryKey: string;
  private readonly me: Registration;
  private timer?: NodeJS.Timeout;
  private beating?: Promise<void>;
  private stopped = false;
  /** Jobs moved back from dead workers, for tests and the log. */
  reclaimed = 0;

  constructor(private readonly options: DeliveryWorkersOptions) {
    this.registryKey = `${options.prefix}:notifications-workers`;
    this.me = { host: hostname(), pidns: pidNamespace(), pid: process.pid, since: new Date().toISOString() };
  }

  private get ttlMs(): number {
    return this.options.ttlMs ?? 10_000;
  }

  /** Registers this worker and takes up what dead ones left, before this one takes jobs. */
  async start(): Promise<void> {
    await this.register();
    await this.reap().catch((error: unknown) =>
      this.options.onError?.('taking up jobs of dead workers failed', error),
    );
    this.timer = setInterval(() => {
      this.beating ??= this.beat().finally(() => (this.beating = undefined));
    }, this.options.beatMs ?? 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.beating;
    const { redis, workerId } = this.options;
    await redis
      .multi()
      .del(this.aliveKey(workerId))
      .hdel(this.registryKey, workerId)
      .exec()
      .catch(() => undefined);
  }

  /** Moves back the active jobs of dead workers; returns how many. */
  async reap(): Promise<number> {
    const { redis, queue, workerId } = this.options;
    const active = await redis.lrange(queue.keys.active, 0, -1);
    const registry = await redis.hgetall(this.registryKey);
    const ids = Object.keys(registry);
    const owners = new Map<string, Owner>();
    const alive = await Promise.all(ids.map((id) => redis.exists(this.aliveKey(id))));
    ids.forEach((id, i) => owners.set(id, { registration: parse(registry[id]), alive: alive[i] === 1 }));
    const locks = active.length > 0 ? await redis.mget(...active.map((id) => `${queue.toKey(id)}:lock`)) : [];
    const holding = new Set<string>();
    let moved = 0;
    for (const [i, jobId] of active.entries()) {
      const lock = locks[i];
      const owner = lock ? lock.slice(0, lock.lastIndexOf(':')) : undefined;
      if (owner === workerId) continue;
      const gone =
        lock === null || (owner !== undefined && owners.has(owner) && this.dead(owners.get(owner) as Owner));
      if (gone && (await this.moveBack(jobId, lock ?? '0'))) moved++;
      else if (owner) holding.add(owner);
    }
    // A dead worker is forgotten once it holds nothing: the registry does not grow with restarts.
    const forget = ids.filter((id) => !holding.has(id) && this.dead(owners.get(id) as Owner));
    if (forget.length > 0) await redis.hdel(this.registryKey, ...forget);
    this.reclaimed += moved;
    return moved;
  }

  private dead(owner: Owner): boolean {
    if (!owner.alive) return true;
    const r = owner.registration;
    return (
      !!r && !!this.me.pidns && r.host === this.me.host && r.pidns === this.me.pidns && !processExists(r.pid)
    );
  }

  private async moveBack(jobId: string, token: string): Promise<boolean> {
    try {
      const job = await Job.fromId(this.options.queue, jobId);
      if (!job) return false;
      await job.moveToWait(token);
      return true;
    } catch {
      // The job finished or changed hands meanwhile: nothing to take up.
      return false;
    }
  }

  /** Renews this worker's key; a key found missing means Redis lost its data. */
  private async beat(): Promise<void> {
    if (this.stopped) return;
    try {
      const { redis, workerId } = this.options;
      const renewed = await redis.set(
        this.aliveKey(workerId),
        JSON.stringify(this.me),
        'PX',
        this.ttlMs,
        'XX',
      );
      if (renewed === null) {
        await this.register();
        this.options.onRedisLost?.();
      }
      await this.reap();
    } catch (error) {
      this.options.onError?.('the delivery worker heartbeat failed', error);
    }
  }

  private async register(): Promise<void> {
    const { redis, workerId } = this.options;
    const me = JSON.stringify(this.me);
    await redis
      .multi()
      .set(this.aliveKey(workerId), me, 'PX', this.ttlMs)
      .hset(this.registryKey, workerId, me)
      .exec();
  }

  private aliveKey(workerId: string): string {
    return `${this.registryKey}:${workerId}`;
  }
}

function parse(text: string | undefined): Registration | undefined {
  try {
    return text ? (JSON.parse(text) as Registration) : undefined;
  } catch {
    return undefined;
  }
}

function pidNamespace(): string | undefined {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return undefined;
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
