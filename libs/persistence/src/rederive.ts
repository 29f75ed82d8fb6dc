/**
 * Deriving stored rows again when the rules that derived them change. A
 * service stores what it derived from the records it keeps (their facts,
 * their blocking keys); a new build may derive them otherwise
 * (libs/resolution derivation-revision.ts), and rows derived the old way stop
 * meeting rows derived the new way. `derivation_revisions` (migration
 * DerivationRevisions1763800000930) names the revision each derived table was
 * last derived under; while it differs from the build's, the table is derived
 * again in chunks of its owners (records, entries) in id order, one
 * transaction each, the cursor kept in the same row: a restart goes on where
 * it stopped, and several instances share the work (the row is locked while a
 * chunk is written). It runs in the background: until it ends, rows not yet
 * reached are as they were.
 */
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Type } from '@nestjs/common';
import { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

/** A table of derived rows and how to derive them again. */
export interface DerivedRows {
  /** Its name in derivation_revisions. */
  name: string;
  /**
   * Derives the rows of the first `limit` owners after `after` (in the order of their ids; undefined: from the
   * first) again, in `transaction`. Answers the last owner's id, or undefined when none was left.
   */
  deriveAfter(transaction: EntityManager, after: string | undefined, limit: number): Promise<string | undefined>;
}

const CHUNK = 500;

/**
 * Derives `rows` again if they were derived under another revision than `revision`, chunk by chunk, until
 * done or `stopping()`. Answers how many chunks this call wrote.
 */
export async function deriveAgainIfStale(
  dataSource: DataSource,
  rows: DerivedRows,
  revision: string,
  { stopping = () => false, chunk = CHUNK }: { stopping?: () => boolean; chunk?: number } = {},
): Promise<number> {
  const logger = new Logger(`Rederive:${rows.name}`);
  let chunks = 0;
  const started = performance.now();
  while (!stopping()) {
    const done = await dataSource.transaction(async (transaction) => {
      await transaction.query(
        `INSERT INTO derivation_revisions (name, revision, cursor) VALUES ($1, '', '') ON CONFLICT (name) DO NOTHING`,
        [rows.name],
      );
      const [state]: { revision: string; cursor: string | null }[] = await transaction.query(
        'SELECT revision, cursor FROM derivation_revisions WHERE name = $1 FOR UPDATE',
        [rows.name],
      );
      if (state.revision === revision && state.cursor === null) return true;
      // Another revision: from the first owner; the same one, unfinished: from where it stopped.
      const after = state.revision === revision && state.cursor ? state.cursor : undefined;
      if (chunks === 0)
        logger.log(
          `deriving ${rows.name} again for revision ${revision} (${after ? `from ${after}` : 'from the start'})`,
        );
      const last = await rows.deriveAfter(transaction, after, chunk);
      await transaction.query('UPDATE derivation_revisions SET revision = $2, cursor = $3 WHERE name = $1', [
        rows.name,
        revision,
        last ?? null,
      ]);
      chunks++;
      return last === undefined;
    });
    if (done) break;
  }
  if (chunks > 0)
    logger.log(`derived ${rows.name} again: ${chunks} chunks in ${Math.round(performance.now() - started)} ms`);
  return chunks;
}

/**
 * Locks rows of `ids` (ascending) for a chunk without ever waiting for one while holding others, so a chunk cannot
 * deadlock with the service's own transactions: the rows free now, up to the first one another transaction holds
 * (the next chunk starts there); when that is the first, it waits for that one alone. `lockSql(skip)` selects the
 * rows of `$1` (ids) in id order, `FOR UPDATE`, with `SKIP LOCKED` when `skip`.
 */
export async function lockFirstFree<Row extends Record<string, unknown>>(
  transaction: EntityManager,
  ids: string[],
  lockSql: (skip: boolean) => string,
  idOf: (row: Row) => string = (row) => String(Object.values(row)[0]),
): Promise<Row[]> {
  if (ids.length === 0) return [];
  await transaction.query('SAVEPOINT lock_first_free');
  const free: Row[] = await transaction.query(lockSql(true), [ids]);
  const freeIds = new Set(free.map(idOf));
  const firstHeld = ids.findIndex((id) => !freeIds.has(id));
  if (firstHeld === -1) return free;
  if (firstHeld === 0) {
    // Letting go of the rows just locked first: waiting while holding them could close a cycle.
    await transaction.query('ROLLBACK TO SAVEPOINT lock_first_free');
    return transaction.query(lockSql(false), [[ids[0]]]);
  }
  const prefix = new Set(ids.slice(0, firstHeld));
  return free.filter((row) => prefix.has(idOf(row)));
}

/** Records that `name` was derived under `revision` in full: for rows written in bulk with the build's own rules (a seed). */
export async function markDerived(
  database: { query(sql: string, parameters: unknown[]): Promise<unknown> },
  schema: string,
  name: string,
  revision: string,
): Promise<void> {
  await database.query(
    `INSERT INTO ${schema}.derivation_revisions (name, revision, cursor) VALUES ($1, $2, NULL)
     ON CONFLICT (name) DO UPDATE SET revision = EXCLUDED.revision, cursor = NULL`,
    [name, revision],
  );
}

/**
 * Records that `name` is derived under `revision` when `table` holds no row yet, in `transaction`: the rows it
 * writes next are derived by this build's rules. For a first load made before the service ever ran, which would
 * otherwise be derived all over again at the service's start.
 */
export async function markDerivedWhileEmpty(
  transaction: EntityManager,
  name: string,
  table: string,
  revision: string,
): Promise<void> {
  await transaction.query(
    `INSERT INTO derivation_revisions (name, revision, cursor) SELECT $1, $2, NULL WHERE NOT EXISTS (SELECT 1 FROM ${table})
     ON CONFLICT (name) DO UPDATE SET revision = EXCLUDED.revision, cursor = NULL`,
    [name, revision],
  );
}

/** Retried this long after a chunk failed (the database away, a conflict): the derivation has all the time it needs. */
const RETRY_MS = 30_000;

/**
 * Derives each of `rows` again in the background while stale (deriveAgainIfStale), retrying after a failure;
 * `stop()` lets the chunk being written finish and stops.
 */
export function startDerivation(
  dataSource: DataSource,
  rows: DerivedRows[],
  revision: string,
): { stop(): Promise<void>; done: Promise<void> } {
  let stopping = false;
  let wake: (() => void) | undefined;
  const done = (async () => {
    for (const table of rows) {
      for (;;) {
        try {
          await deriveAgainIfStale(dataSource, table, revision, { stopping: () => stopping });
          break;
        } catch (error) {
          if (stopping) return;
          new Logger(`Rederive:${table.name}`).warn(
            `deriving ${table.name} again failed, retrying in ${RETRY_MS / 1000} s: ${(error as Error).message}`,
          );
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, RETRY_MS).unref();
          });
          if (stopping) return;
        }
      }
      if (stopping) return;
    }
  })();
  return {
    done,
    async stop() {
      stopping = true;
      wake?.();
      await done;
    },
  };
}

/**
 * A provider that derives `rows` again in the background from start-up while stale under `revision()` (the
 * build's rules), and lets the chunk being written finish at shutdown: each service lists its derived tables once.
 */
export function derivedOnStart(rows: DerivedRows[], revision: () => string): Type<unknown> {
  @Injectable()
  class DerivedOnStart implements OnApplicationBootstrap, BeforeApplicationShutdown {
    private running: ReturnType<typeof startDerivation> | undefined;

    constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

    onApplicationBootstrap(): void {
      this.running = startDerivation(this.dataSource, rows, revision());
    }

    async beforeApplicationShutdown(): Promise<void> {
      await this.running?.stop();
    }
  }
  return DerivedOnStart;
}

/** The table that names the revision each derived table was last derived under, and how far a new derivation got. */
export class DerivationRevisions1763800000930 implements MigrationInterface {
  name = 'DerivationRevisions1763800000930';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE derivation_revisions (
        name     text PRIMARY KEY,
        revision text NOT NULL,
        -- The last owner derived under revision; NULL once every owner is.
        cursor   text
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE derivation_revisions');
  }
}
