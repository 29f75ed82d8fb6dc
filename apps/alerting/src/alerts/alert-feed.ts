/**
 * The live feed behind alert streams. Postgres NOTIFY (sent when an alert
 * commits) wakes every alerting instance, through a PgListener that also polls
 * for the NOTIFYs lost while it reconnects; the feed reads what is new since
 * its high-water mark and fans it out. Streams replay from the table first, so
 * a client that reconnects with its last event id misses nothing.
 */
import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { databaseUrlOf, PgListener } from '@crosscheck/persistence';
import { Observable, Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { Alert, ALERTS_CHANNEL, AlertsRepository } from '../persistence/alerts.repository';

const FALLBACK_POLL_MS = 2_000;
const MAX_HELD_DURING_REPLAY = 10_000;

@Injectable()
export class AlertFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(AlertFeed.name);
  private readonly alerts$ = new Subject<Alert>();
  private readonly listener: PgListener;
  private highWater = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly alerts: AlertsRepository,
  ) {
    this.listener = new PgListener({
      name: 'alerting-feed',
      connection: { connectionString: databaseUrlOf(dataSource) },
      channels: [ALERTS_CHANNEL],
      pollMs: FALLBACK_POLL_MS,
      logger: this.logger,
      onWake: () => this.readNew(),
    });
  }

  async onModuleInit(): Promise<void> {
    this.highWater = await this.alerts.highestSeq(this.dataSource.manager);
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener.stop();
    this.alerts$.complete();
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
        if (held.length > MAX_HELD_DURING_REPLAY)
          subscriber.error(new Error('too many alerts arrived during replay; reconnect'));
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

  /** The listener never runs two reads at once, so alerts are fanned out once each, in order. */
  private async readNew(): Promise<void> {
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
  }
}
