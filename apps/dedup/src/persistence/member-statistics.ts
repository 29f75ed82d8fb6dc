/**
 * Keeps the planner's picture of dedup's member tables up to date as they
 * grow. A fresh database has never been analysed, and autovacuum may not have
 * run yet when thousands of records arrive at once: with no statistics, the
 * planner can read member_keys in full for each key of a batch, and the batch's
 * candidate statement runs for minutes. So each time the members written since
 * the last ANALYZE reach the number there were then (and at least
 * MIN_GROWTH), dedup analyses member_keys and entity_members itself, after
 * the transaction that wrote them, which also replans the cached statements.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** New members worth an ANALYZE at least: small tables are read fast whatever the plan. */
export const MIN_GROWTH = 500;

@Injectable()
export class MemberStatistics {
  private readonly logger = new Logger(MemberStatistics.name);
  /** Members when the tables were last analysed, as far as this process knows; read from pg_class at first. */
  private analysedMembers: number | undefined;
  private written = 0;
  private analysing: Promise<void> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Call after a commit that stored `members` new members. */
  async grew(members: number): Promise<void> {
    this.written += members;
    if (this.analysing) return;
    this.analysing = this.analyseIfGrown().finally(() => (this.analysing = undefined));
    await this.analysing;
  }

  private async analyseIfGrown(): Promise<void> {
    try {
      this.analysedMembers ??= await this.membersAtLastAnalyse();
      if (this.written < Math.max(MIN_GROWTH, this.analysedMembers)) return;
      const started = performance.now();
      await this.dataSource.query('ANALYZE member_keys, entity_members');
      this.analysedMembers = await this.membersAtLastAnalyse();
      this.written = 0;
      this.logger.log(
        `analysed member_keys and entity_members (${this.analysedMembers} members) in ${Math.round(performance.now() - started)} ms`,
      );
    } catch (error) {
      // Statistics only make plans better: resolving goes on without them, and the next growth tries again.
      this.logger.warn(`could not analyse the member tables: ${(error as Error).message}`);
    }
  }

  /** entity_members' row estimate from its last ANALYZE (or VACUUM); -1, never analysed, counts as none. */
  private async membersAtLastAnalyse(): Promise<number> {
    const rows: { reltuples: number }[] = await this.dataSource.query(
      `SELECT reltuples FROM pg_class WHERE oid = 'entity_members'::regclass`,
    );
    return Math.max(0, Number(rows[0]?.reltuples ?? 0));
  }
}
