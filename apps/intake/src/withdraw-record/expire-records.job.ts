/**
 * Retention: records past `expiresAt` are withdrawn the way DELETE does it,
 * every RETENTION_SWEEP_SECONDS. Several intake instances may sweep at once;
 * `FOR UPDATE SKIP LOCKED` gives each record to one of them.
 */
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { IntakeConfig } from '../intake.config';
import { WithdrawRecordService } from './withdraw-record.service';

@Injectable()
export class ExpireRecordsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExpireRecordsJob.name);
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> = Promise.resolve();

  constructor(
    private readonly withdrawRecord: WithdrawRecordService,
    private readonly config: IntakeConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping = this.sweep();
    }, this.config.RETENTION_SWEEP_SECONDS * 1000);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  async sweep(): Promise<void> {
    try {
      let withdrawn = 0;
      for (let batch = await this.withdrawRecord.expireDue(); batch > 0; batch = await this.withdrawRecord.expireDue())
        withdrawn += batch;
      if (withdrawn > 0) this.logger.log(`withdrew ${withdrawn} expired records`);
    } catch (error) {
      this.logger.warn(`retention sweep failed: ${(error as Error).message}; it runs again shortly`);
    }
  }
}
