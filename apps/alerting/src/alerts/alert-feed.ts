/**
 * The live feed behind alert streams. Postgres NOTIFY (sent when an alert
 * commits) wakes every alerting instance; the feed reads what is new since its
 * high-water mark and fans it out. Streams replay from the table first, so a
 * client that reconnects with its last event id misses nothing.
 */
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { Alert, ALERTS_CHANNEL, AlertsRepository } from './alerts.repository';

const FALLBACK_POLL_MS = 2_000;
const MAX_HELD_DURING_REPLAY = 10_000;

@Injectable()
export class AlertFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AlertFeed.name);
  private readonly alerts$ = new Subject<Alert>();
  private highWater = 0;
  private listener: Client | undefined;
  private poller: NodeJS.Timeout | undefined;
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    this.highWater = await this.alerts.highestSeq(this.dataSource.manager);
    await this.listen();
    // NOTIFY is lost while the listener reconnects; polling covers that gap.
    this.poller = setInterval(() => this.readNew(), FALLBACK_POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.poller);
    this.alerts$.complete();
    await this.listener?.end().catch(() => undefined);
  }

  /**
   * An agency's alerts after `afterSeq`: first those already stored, then live
   * ones as they commit, in order and without gaps or repeats.
   */
  stream(agency: string, afterSeq: number): Observable<Alert> {
    return new Observable<Alert>((subscriber) => {
      let position = afterSeq;
      let replaying = true;
      const held: Alert[] = [];
      const emit = (alert: Alert) => {
        if (alert.seq <= position) return;
        position = alert.seq;
        subscriber.next(alert);
      };
      const live = this.alerts$.subscribe((alert) => {
        if (alert.agency !== agency) return;
        if (!replaying) return emit(alert);
        held.push(alert);
        if (held.length > MAX_HELD_DURING_REPLAY) subscriber.error(new Error('too many alerts arrived during replay; reconnect'));
      });
      void (async () => {
        try {
          for (;;) {
            if (subscriber.closed) return;
            const page = await this.alerts.after(this.dataSource.manager, agency, position, 500);
            page.forEach(emit);
            if (page.length < 500) break;
          }
          replaying = false;
          held.sort((a, b) => a.seq - b.seq).forEach(emit);
        } catch (error) {
          subscriber.error(error);
        }
      })();
      return () => live.unsubscribe();
    });
  }

  private async listen(): Promise<void> {
    const options = this.dataSource.driver.options as { url?: string };
    const client = new Client({ connectionString: options.url, application_name: 'alerting-feed' });
    client.on('notification', () => this.readNew());
    client.on('error', (error) => {
      this.logger.warn(`alert feed lost its database connection: ${error.message}; reconnecting`);
      this.listener = undefined;
      setTimeout(() => void this.listen().catch(() => undefined), 1_000);
    });
    await client.connect();
    await client.query(`LISTEN ${ALERTS_CHANNEL}`);
    this.listener = client;
  }

  /** Reads are chained so that alerts are fanned out once each, in order. */
  private readNew(): void {
    this.reading = this.reading.then(async () => {
      try {
        for (;;) {
          const fresh = await this.alerts.allAfter(this.dataSource.manager, this.highWater, 500);
          for (const alert of fresh) {
            this.highWater = alert.seq;
            this.alerts$.next(alert);
          }
          if (fresh.length < 500) return;
        }
      } catch (error) {
        this.logger.warn(`alert feed read failed: ${(error as Error).message}`);
      }
    });
  }
}
