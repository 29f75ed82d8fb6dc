/**
 * Appends lines to a service's audit chain. One writer at a time per schema,
 * across every instance: a transaction-scoped advisory lock, under which the
 * newest line's hash is read and the new lines' ids are drawn, so that id order
 * is chain order. The lock is held through the commit, so writers queue behind
 * each other's WAL flush; to keep that from capping a busy service at one
 * commit per line, the lines an instance is asked for while it waits are
 * chained and committed together.
 */
import { bulkInsert } from '@crosscheck/persistence';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEntry, auditLineHash, ChainedAuditFields, GENESIS_HASH } from './audit-chain';
import { chainedAt, readAuditLines } from './audit-chain.reader';

/** Lines written in one transaction at most; 12 parameters each, well under Postgres' 65,535. */
const MOST_LINES_PER_WRITE = 200;

interface WaitingLine {
  entry: AuditEntry;
  written: () => void;
  failed: (error: unknown) => void;
}

export class AuditChainWriter {
  private readonly waiting: WaitingLine[] = [];
  private writing = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Resolves once the line is committed. */
  append(entry: AuditEntry): Promise<void> {
    return new Promise((written, failed) => {
      this.waiting.push({ entry, written, failed });
      void this.writeWaiting();
    });
  }

  /** The line commits, or not, with the caller's transaction and the work it records. */
  appendWithin(transaction: EntityManager, entry: AuditEntry): Promise<void> {
    return appendChained(transaction, [entry]);
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

  private write(entries: AuditEntry[]): Promise<void> {
    return this.dataSource.transaction((transaction) => appendChained(transaction, entries));
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

async function appendChained(transaction: EntityManager, entries: AuditEntry[]): Promise<void> {
  await transaction.query("SELECT pg_advisory_xact_lock(hashtext('crosscheck.audit.' || current_schema()))");
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
    const line: ChainedAuditFields = { ...entry, id: ids[index], at: head.at, detail: entry.detail ?? null };
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
