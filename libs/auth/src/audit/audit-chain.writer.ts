/**
 * Appends lines to a service's audit chain. One writer at a time per schema,
 * across every instance: a transaction-scoped advisory lock, under which the
 * newest line's hash is read and the new lines' ids are drawn, so that id order
 * is chain order. The lock is held through the commit, so writers queue behind
 * each other's WAL flush; to keep that from capping a busy service at one
 * commit per line, the lines an instance is asked for while it waits are
 * chained and committed together.
 *
 * A line written inside a caller's transaction (`appendWithin`) is queued in
 * `audit_pending` in that transaction, so it commits, or not, with the work it
 * records, without the caller taking the chain's lock through its own commit.
 * Any instance chains the queue's committed lines, oldest first, in the same
 * group commits: soon after it queued one, at every poll (what another
 * instance queued, or left behind when it stopped), and before the log is read.
 */
import { bulkInsert } from '@crosscheck/persistence';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, auditLineHash, ChainedAuditFields, GENESIS_HASH } from './audit-chain';
import { chainedAt, readAuditLines } from './audit-chain.reader';

/** Lines written in one transaction at most; 12 parameters each, well under Postgres' 65,535. */
const MOST_LINES_PER_WRITE = 200;
/**
 * How soon after queuing a line this instance chains the queue (and, five times that, when it looks again while
 * a caller's transaction may not have committed). A fifth of a second gathers a busy service's lines: at 50 checks
 * a second, one chain transaction for about ten of them, where 10 ms gave each its own. Nothing waits for it:
 * reading the log chains the queue first.
 */
const CHAIN_SOON_MS = 200;
const POLL_MS = 1_000;

interface WaitingLine {
  entry: AuditEntry;
  written: () => void;
  failed: (error: unknown) => void;
}

export class AuditChainWriter {
  private readonly waiting: WaitingLine[] = [];
  private writing = false;
  /** One chaining run at a time in this instance; runs of several instances take turns on the chain's lock. */
  private chaining: Promise<void> = Promise.resolve();
  private soon: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private queuedSinceChained = false;
  private onError: (error: unknown) => void = () => undefined;

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves once the line is committed. */
  append(entry: AuditEntry): Promise<void> {
    return new Promise((written, failed) => {
      this.waiting.push({ entry, written, failed });
      void this.writeWaiting();
    });
  }

  /** The line commits, or not, with the caller's transaction and the work it records; it is chained soon after. */
  async appendWithin(transaction: EntityManager, entry: AuditEntry): Promise<void> {
    await transaction.query('INSERT INTO audit_pending (entry) VALUES ($1)', [JSON.stringify(entry)]);
    this.queuedSinceChained = true;
    this.chainSoon(CHAIN_SOON_MS);
  }

  /** Chains every committed queued line, oldest first, and resolves when they are in the chain. */
  chainPending(): Promise<void> {
    this.chaining = this.chaining
      .catch(() => undefined)
      .then(async () => {
        // A poll of an empty queue takes no lock: the chain's lock is what every writer waits on.
        const [{ queued }]: { queued: boolean }[] = await this.dataSource.query(
          'SELECT EXISTS (SELECT 1 FROM audit_pending) AS queued',
        );
        if (!queued) return;
        let moved: number;
        do {
          moved = await this.dataSource.transaction((transaction) => chainWithQueued(transaction, []));
        } while (moved === MOST_LINES_PER_WRITE);
      });
    return this.chaining;
  }

  /** Chains the queue now and then: what another instance queued or left behind. Stops with `stop`. */
  startPolling(onError: (error: unknown) => void): void {
    this.onError = onError;
    this.poll ??= setInterval(() => this.chainSoon(0), POLL_MS).unref();
  }

  /** Stops polling and chains what is queued. */
  async stop(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    if (this.soon) clearTimeout(this.soon);
    this.poll = this.soon = undefined;
    await this.chainPending();
  }

  private chainSoon(delayMs: number): void {
    if (this.soon) return;
    // Armed by whichever request queued a line first, but a run chains every request's lines and re-arms itself
    // while lines keep coming: in that request's context, every later run would join its trace, without end.
    this.soon = context.with(ROOT_CONTEXT, () =>
      setTimeout(() => {
        this.soon = undefined;
        const expected = this.queuedSinceChained;
        this.queuedSinceChained = false;
        this.chainPending().then(
          // The caller's transaction may not have committed yet: look again until a run finds the queue empty.
          () => expected && this.chainSoon(CHAIN_SOON_MS * 5),
          (error: unknown) => this.onError(error),
        );
      }, delayMs).unref(),
    );
  }

  private async writeWaiting(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const lines = this.waiting.splice(0, MOST_LINES_PER_WRITE);
        try {
          await this.write(lines.map((line) => line.entry));
          for (const line of lines) line.written();
        } catch (error) {
          if (lines.length === 1) lines[0].failed(error);
          // A line Postgres refuses must not fail the requests it was written with: each again, on its own.
          else for (const line of lines) await this.write([line.entry]).then(line.written, line.failed);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  private async write(entries: AuditEntry[]): Promise<void> {
    await this.dataSource.transaction((transaction) => chainWithQueued(transaction, entries));
  }
}

/** A line as stored: its chained fields and the two hashes that link it to the one before. */
type ChainedLine = ChainedAuditFields & { prevHash: string; hash: string };

const INSERT_LINES = bulkInsert<ChainedLine>('audit_log', {
  id: ['bigint', (line) => line.id],
  at: ['timestamptz', (line) => line.at],
  agency: ['text', (line) => line.agency],
  key_id: ['text', (line) => line.keyId],
  action: ['text', (line) => line.action],
  record_ids: ['text[]', (line) => line.recordIds],
  outcome: ['text', (line) => line.outcome],
  status: ['int', (line) => line.status],
  trace_id: ['text', (line) => line.traceId],
  detail: ['text', (line) => line.detail],
  prev_hash: ['text', (line) => line.prevHash],
  hash: ['text', (line) => line.hash],
});

interface ChainHead {
  at: string;
  newest_hash: string | null;
  has_lines: boolean;
  ids: string[];
}

/**
 * Under the chain's lock, chains the oldest committed queued lines (as many as one write takes), then `entries`:
 * a line written now follows the lines queued by work that committed before it. Answers how many were queued.
 */
async function chainWithQueued(transaction: EntityManager, entries: AuditEntry[]): Promise<number> {
  await transaction.query("SELECT pg_advisory_xact_lock(hashtext('crosscheck.audit.' || current_schema()))");
  // DELETE ... RETURNING answers [rows, count] through TypeORM.
  const [queued]: [{ id: string; entry: AuditEntry; at: string }[], number] = await transaction.query(
    `DELETE FROM audit_pending WHERE id IN (
       SELECT id FROM audit_pending ORDER BY id LIMIT ${MOST_LINES_PER_WRITE} FOR UPDATE SKIP LOCKED)
     RETURNING id, entry, ${chainedAt('queued_at')} AS at`,
  );
  queued.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
  const lines = [...queued.map((row) => ({ ...row.entry, at: row.at })), ...entries];
  if (lines.length > 0) await appendChained(transaction, lines);
  return queued.length;
}

/** `at` (chainedAt's form) when the line has a time of its own: a queued line keeps its transaction's. */
async function appendChained(transaction: EntityManager, entries: (AuditEntry & { at?: string })[]): Promise<void> {
  // A statement of its own, after the lock: its snapshot includes the line the last holder committed.
  const [head]: ChainHead[] = await transaction.query(
    // The ids are drawn under the lock too, so that id order is chain order.
    `SELECT ${chainedAt('now()')} AS at, newest.hash AS newest_hash, newest.id IS NOT NULL AS has_lines,
            ARRAY(SELECT nextval(pg_get_serial_sequence('audit_log', 'id')) FROM generate_series(1, $1))::text[] AS ids
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) AS newest ON true`,
    [entries.length],
  );
  const ids = head.ids.sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  let prevHash = head.newest_hash ?? (head.has_lines ? await sealOfUnchainedLines(transaction) : GENESIS_HASH);
  const lines = entries.map((entry, index): ChainedLine => {
    const line: ChainedAuditFields = {
      ...entry,
      id: ids[index],
      at: entry.at ?? head.at,
      detail: entry.detail ?? null,
    };
    const hash = auditLineHash(prevHash, line);
    const chained = { ...line, prevHash, hash };
    prevHash = hash;
    return chained;
  });
  await INSERT_LINES.insert(transaction, lines);
}

/** The first chained line of a log that has lines from before the chain seals them; this runs once per log. */
async function sealOfUnchainedLines(transaction: EntityManager): Promise<string> {
  const run = (sql: string, parameters: unknown[]) => transaction.query(sql, parameters);
  let seal = GENESIS_HASH;
  for await (const line of readAuditLines(run, 'audit_log', 'unchained')) seal = auditLineHash(seal, line);
  return seal;
}
