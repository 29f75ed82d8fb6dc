/**
 * What every crosscheck service imports first: health, readiness and metrics;
 * its own Postgres schema, migrated; Kafka messaging with its outbox and
 * inbox (the outbox and inbox tables come first in the migrations); and the
 * per-agency rate limits every authenticated route counts against.
 */
import { DynamicModule, Module } from '@nestjs/common';
import { CreateOutboxAndInbox1763800000000, MessagingModule } from '@crosscheck/messaging';
import { PersistenceModule } from '@crosscheck/persistence';
import { createLogger, ObservabilityModule } from '@crosscheck/telemetry';
import { DataSource } from 'typeorm';
import { messagingSettingsFrom } from './messaging-settings';
import { CreateRateLimits1765000000000, UnloggedRateLimits1765000000001 } from './rate-limits.migration';
import { RateLimits, rateLimitsInPostgres } from './rate-limits';
import { ratesOf, ServiceConfig } from './service.config';

export interface ServiceCoreOptions {
  service: string;
  config: ServiceConfig;
  /** The service's own migrations, oldest first. */
  migrations: Function[];
}

@Module({})
export class ServiceCoreModule {
  static forService({ service, config, migrations }: ServiceCoreOptions): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [
        ObservabilityModule,
        PersistenceModule.forRoot(() => ({
          url: config.DATABASE_URL,
          schema: config.DATABASE_SCHEMA,
          applicationName: service,
          migrate: config.DATABASE_MIGRATE,
          migrations: [
            CreateOutboxAndInbox1763800000000,
            CreateRateLimits1765000000000,
            UnloggedRateLimits1765000000001,
            ...migrations,
          ],
        })),
        MessagingModule.forRoot(() => messagingSettingsFrom(service, config), createLogger(service, config.LOG_LEVEL)),
      ],
      providers: [
        { provide: config.constructor, useValue: config },
        {
          provide: RateLimits,
          useFactory: (dataSource: DataSource) =>
            rateLimitsInPostgres(ratesOf(config), dataSource, config.DATABASE_SCHEMA),
          inject: [DataSource],
        },
      ],
      exports: [config.constructor, RateLimits],
      global: true,
    };
  }
}
