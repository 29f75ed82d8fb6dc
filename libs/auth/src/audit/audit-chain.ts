/**
 * The audit log's hash chain, without I/O. Each line's hash is SHA-256 over the
 * previous line's hash and a canonical encoding of the line, so a line changed
 * after it was written no longer matches its hash, and a line removed leaves the
 * next one pointing at a hash that is not there.
 *
 * Lines written before the chain existed carry no hash. The chain begins by
 * sealing them: the first chained line's previous hash is the hash they would
 * have had, chained from GENESIS_HASH in id order. Changing or removing one of
 * them therefore breaks the chain at its first chained line; which of them
 * changed cannot be told.
 */
import { createHash } from 'node:crypto';

/** The previous hash of the first line of a log that had no lines before the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** One line as a service writes it; the chain adds its id and time. */
export interface AuditEntry {
  agency: string | null;
  keyId: string | null;
  action: string;
  recordIds: string[];
  outcome: 'ok' | 'refused' | 'failed';
  status: number;
  traceId: string | null;
  /** Why, when the caller said: a triage reason, an owner's decision. */
  detail?: string | null;
}

/** Every field a line's hash covers. `at` is ISO-8601 UTC to the microsecond, as Postgres keeps it. */
export interface ChainedAuditFields {
  id: string;
  at: string;
  agency: string | null;
  keyId: string | null;
  action: string;
  recordIds: string[];
  outcome: string;
  status: number;
  traceId: string | null;
  detail: string | null;
}

export interface StoredAuditLine extends ChainedAuditFields {
  prevHash: string | null;
  hash: string | null;
}

/** What names a line to an operator. */
export interface AuditLineRef {
  id: string;
  at: string;
  action: string;
}

export type AuditChainBreak =
  /** The line's fields (or its previous hash) no longer give its hash. */
  | { kind: 'edited'; line: AuditLineRef }
  /**
   * The line does not follow the one before it: a line between them was deleted (or inserted),
   * or the one before was rewritten with a new hash.
   */
  | { kind: 'unlinked'; line: AuditLineRef; previous: AuditLineRef | null }
  /** The first chained line does not seal the lines written before the chain: one was changed or deleted. */
  | { kind: 'unsealed'; line: AuditLineRef; lastUnchained: AuditLineRef }
  /** A line without a hash after the chain began: written around the chain. */
  | { kind: 'unchained'; line: AuditLineRef }
  /** An anchored line (an id and hash recorded elsewhere) has another hash or is gone. */
  | { kind: 'anchor'; anchor: AuditAnchor; found: string | null };

/** A line's id and hash, recorded outside the database, so that truncation back past it shows. */
export interface AuditAnchor {
  id: string;
  hash: string;
}

export interface AuditChainReport {
  lines: number;
  /** Lines written before the chain began; sealed by its first line. */
  unchainedLines: number;
  breaks: AuditChainBreak[];
  /** The newest chained line and its hash: what an operator records to anchor the chain. */
  head: { line: AuditLineRef; hash: string } | null;
}

export function canonicalAuditLine(line: ChainedAuditFields): string {
  // A JSON array in a fixed order: unambiguous, whatever the text in the fields.
  return JSON.stringify([
    'crosscheck.audit.v1',
    line.id,
    line.at,
    line.agency,
    line.keyId,
    line.action,
    line.recordIds,
    line.outcome,
    line.status,
    line.traceId,
    line.detail,
  ]);
}

export function auditLineHash(prevHash: string, line: ChainedAuditFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalAuditLine(line)).digest('hex');
}

/** Walks a log in id order, one line at a time, so that a long log is checked page by page. */
export class AuditChainWalk {
  private lines = 0;
  private unchainedLines = 0;
  private readonly breaks: AuditChainBreak[] = [];
  /** The hash the next line must name as its previous: the last chained line's, or the unchained lines' seal. */
  private expectedPrevHash = GENESIS_HASH;
  private previous: AuditLineRef | null = null;
  private head: AuditChainReport['head'] = null;
  private readonly anchorsFound = new Map<string, string | null>();

  constructor(private readonly anchors: AuditAnchor[] = []) {}

  add(line: StoredAuditLine): void {
    this.lines += 1;
    const ref = refOf(line);
    if (line.hash === null) {
      if (this.head) {
        this.breaks.push({ kind: 'unchained', line: ref });
      } else {
        this.unchainedLines += 1;
        this.expectedPrevHash = auditLineHash(this.expectedPrevHash, line);
        this.previous = ref;
      }
      return;
    }
    if (auditLineHash(line.prevHash ?? '', line) !== line.hash) this.breaks.push({ kind: 'edited', line: ref });
    if (line.prevHash !== this.expectedPrevHash) {
      this.breaks.push(
        !this.head && this.previous
          ? { kind: 'unsealed', line: ref, lastUnchained: this.previous }
          : { kind: 'unlinked', line: ref, previous: this.previous },
      );
    }
    if (this.anchors.some((anchor) => anchor.id === line.id)) this.anchorsFound.set(line.id, line.hash);
    // The stored hash, not a recomputed one: an edited line is reported once, not again at every line after it.
    this.expectedPrevHash = line.hash;
    this.previous = ref;
    this.head = { line: ref, hash: line.hash };
  }

  report(): AuditChainReport {
    const anchorBreaks: AuditChainBreak[] = this.anchors
      .filter((anchor) => this.anchorsFound.get(anchor.id) !== anchor.hash)
      .map((anchor) => ({ kind: 'anchor', anchor, found: this.anchorsFound.get(anchor.id) ?? null }));
    const breaks = [...this.breaks, ...anchorBreaks];
    return { lines: this.lines, unchainedLines: this.unchainedLines, breaks, head: this.head };
  }
}

export function walkAuditChain(lines: Iterable<StoredAuditLine>, anchors: AuditAnchor[] = []): AuditChainReport {
  const walk = new AuditChainWalk(anchors);
  for (const line of lines) walk.add(line);
  return walk.report();
}

/** One line of text per break, naming the line an operator should look at. */
export function describeAuditChainBreak(found: AuditChainBreak): string {
  const name = (line: AuditLineRef) => `line ${line.id} (${line.at}, ${line.action})`;
  switch (found.kind) {
    case 'edited':
      return `${name(found.line)} was edited: its fields no longer give its hash`;
    case 'unlinked':
      if (!found.previous) {
        return `${name(found.line)} is first but does not start the chain: the lines before it were deleted`;
      }
      return (
        `${name(found.line)} does not follow ${name(found.previous)}: ` +
        `a line between them was deleted or inserted, or line ${found.previous.id} was rewritten`
      );
    case 'unsealed':
      return (
        `${name(found.line)} does not seal the lines written before the chain began, ` +
        `up to ${name(found.lastUnchained)}: one of them was edited or deleted`
      );
    case 'unchained':
      return `${name(found.line)} has no hash but was written after the chain began`;
    case 'anchor':
      if (found.found === null) {
        return `anchored line ${found.anchor.id} is gone: the log was truncated or rewritten back past it`;
      }
      return `anchored line ${found.anchor.id} has hash ${found.found}, not ${found.anchor.hash}: it was rewritten`;
  }
}

function refOf(line: StoredAuditLine): AuditLineRef {
  return { id: line.id, at: line.at, action: line.action };
}
