/**
 * What operators still have to act on, as Prometheus gauges on alerting's
 * `/metrics`: pending dead letters per original topic and webhook deliveries
 * pending or dead. Counted at each scrape, so the console's health page and a
 * Prometheus server read the same numbers without an operator key.
 */
import { Injectable, OnModuleInit } from '@nestjs/common';
import { metricsRegistry } from '@crosscheck/telemetry';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { DeadLettersRepository } from '../persistence/dead-letters.repository';
import { WebhooksRepository } from '../persistence/webhooks.repository';

@Injectable()
export class BacklogMetrics implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLettersRepository,
    private readonly webhooks: WebhooksRepository,
  ) {}

  onModuleInit(): void {
    for (const name of ['crosscheck_dead_letters_pending', 'crosscheck_webhook_deliveries'])
      metricsRegistry.removeSingleMetric(name);
    const manager = () => this.dataSource.manager;
    const deadLetters = this.deadLetters;
    const webhooks = this.webhooks;
    new Gauge({
      name: 'crosscheck_dead_letters_pending',
      help: 'Dead letters neither replayed nor discarded, by original topic',
      labelNames: ['topic'],
      async collect() {
        const pending = await deadLetters.pendingByTopic(manager()).catch(() => undefined);
        if (!pending) return; // Postgres away: the last counts stand rather than a failed scrape
        this.reset();
        for (const [topic, count] of Object.entries(pending)) this.set({ topic }, count);
      },
    });
    new Gauge({
      name: 'crosscheck_webhook_deliveries',
      help: 'Webhook deliveries still to make (pending) and given up on (dead), across agencies',
      labelNames: ['status'],
      async collect() {
        const backlog = await webhooks.backlog(manager()).catch(() => undefined);
        if (!backlog) return;
        this.set({ status: 'pending' }, backlog.pending);
        this.set({ status: 'dead' }, backlog.dead);
      },
    });
  }
}
