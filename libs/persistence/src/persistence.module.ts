/**
 * Nest wiring for `openDatabase`: provides the DataSource, reports readiness,
 * and closes the pool when the app shuts down.
 */
import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReadinessRegistry } from '@crosscheck/telemetry';
import { DatabaseOptions, openDatabase } from './open-database';

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

@Injectable()
class DatabaseLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly readiness: ReadinessRegistry,
  ) {}

  onModuleInit(): void {
    this.readiness.register('postgres', async () => {
      await this.dataSource.query('SELECT 1');
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: () => DatabaseOptions): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        { provide: DATABASE_OPTIONS, useFactory: options },
        { provide: DataSource, useFactory: openDatabase, inject: [DATABASE_OPTIONS] },
        DatabaseLifecycle,
      ],
      exports: [DataSource],
    };
  }
}
