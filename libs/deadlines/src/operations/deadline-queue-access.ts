import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { type AppConfig, APP_CONFIG } from '@app/shared';
import { DeadlineQueue } from '../worker/deadline-queue';

/**
 * The deadline queue as the API sees it, for the dashboard and the metrics: connected on first
 * use only, so an API that nobody asks about queues opens no extra Redis connection.
 */
@Injectable()
export class DeadlineQueueAccess implements OnApplicationShutdown {
  private queue?: DeadlineQueue;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get(): Queue {
    this.queue ??= new DeadlineQueue({ redisUrl: this.config.redisUrl, prefix: this.config.queuePrefix });
    return this.queue.queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue?.close();
  }
}
