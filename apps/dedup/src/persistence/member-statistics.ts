/**
 * Keeps the planner's picture of dedup's member tables up to date as they
 * grow. A fresh database has never been analysed, and autovacuum may not have
 * run yet when thousands of records arrive at once: with no statistics, the
 * planner can read member_keys in full for each key of a batch, and the batch's
 * candidate statement runs for minutes. So when the rows changed since the
 * last ANALYZE of entity_members (Postgres counts them for every instance
 * alike) reach the rows there were then, and at least MIN_GROWTH, dedup
 * analyses member_keys, entity_members and the network tables (which grow with
 * them) itself, after the transaction that wrote them; ANALYZE also replans
 * the cached statements. One instance does it at a time (an advisory lock it
 * only tries); each looks at most once per CHECK_EVERY_MS.
 */
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Changed members worth an ANALYZE at least: small tables are read fast whatever the plan. */
export const MIN_GROWTH = 500;
const CHECK_EVERY_MS = 1_000;
const ANALYSE_LOCK = "hashtext('crosscheck.dedup.analyse-members')";

@Injectable()
export class MemberStatistics {
  private readonly logger = new Logger(MemberStatistics.name);
  private lastCheck = 0;
  private checking: Promise<void> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Call after a commit that stored members. */
  async grew(): Promise<void> {
    if (this.checking || Date.now() - this.lastCheck < CHECK_EVERY_MS) return;
    this.lastCheck = Date.now();
    this.checking = this.analyseIfGrown().finally(() => (this.checking = undefined));
    await this.checking;
  }

  private async analyseIfGrown(): Promise<void> {
    try {
      // Postgres' counts reach other sessions within about a second; a little late is soon enough.
      const [table]: { changed: string; analysed: string }[] = await this.dataSource.query(
        `SELECT s.n_mod_since_analyze AS changed, greatest(c.reltuples, 0) AS analysed
           FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
          WHERE s.relid = 'entity_members'::regclass`,
      );
      if (!table || Number(table.changed) < Math.max(MIN_GROWTH, Number(table.analysed))) return;
      const started = performance.now();
      const analysed = await this.dataSource.transaction(async (transaction) => {
        const [{ mine }]: { mine: boolean }[] = await transaction.query(
          `SELECT pg_try_advisory_xact_lock(${ANALYSE_LOCK}) AS mine`,
        );
        if (mine)
          await transaction.query(
            'ANALYZE member_keys, entity_members, network_attributes, network_references, network_relations',
          );
        return mine;
      });
      if (analysed)
        this.logger.log(
          `analysed the member and network tables (${table.changed} members changed since the last time) in ${Math.round(performance.now() - started)} ms`,
        );
    } catch (error) {
      // Statistics only make plans better: resolving goes on without them, and the next check tries again.
      this.logger.warn(`could not analyse the member tables: ${(error as Error).message}`);
    }
  }
}
