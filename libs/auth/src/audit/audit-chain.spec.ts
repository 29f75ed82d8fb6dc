import { createHash } from 'node:crypto';
import {
  AuditChainBreak,
  auditLineHash,
  canonicalAuditLine,
  ChainedAuditFields,
  describeAuditChainBreak,
  GENESIS_HASH,
  StoredAuditLine,
  walkAuditChain,
} from './audit-chain';

function fields(id: number, overrides: Partial<ChainedAuditFields> = {}): ChainedAuditFields {
  return {
    id: String(id),
    at: `2025-11-22T10:00:0${id % 10}.123456Z`,
    agency: 'FRA',
    keyId: '0123456789abcdef',
    action: 'record.share',
    recordIds: [`00000000-0000-4000-8000-00000000000${id % 10}`],
    outcome: 'ok',
    status: 201,
    traceId: 'a'.repeat(32),
    detail: null,
    ...overrides,
  };
}

/** Lines as the writer stores them: `unchained` lines first (from before the chain), then chained ones. */
function log(chained: number, unchained = 0): StoredAuditLine[] {
  const lines: StoredAuditLine[] = [];
  let prevHash = GENESIS_HASH;
  for (let id = 1; id <= unchained + chained; id += 1) {
    const line = fields(id);
    const hash = auditLineHash(prevHash, line);
    lines.push(id <= unchained ? { ...line, prevHash: null, hash: null } : { ...line, prevHash, hash });
    prevHash = hash;
  }
  return lines;
}

const kinds = (breaks: AuditChainBreak[]) =>
  breaks.map((found) => ({ kind: found.kind, id: 'line' in found ? found.line.id : found.anchor.id }));

describe('an audit line’s hash', () => {
  it('is SHA-256 over the previous hash, a newline and the line’s canonical encoding', () => {
    const line = fields(1);
    expect(canonicalAuditLine(line)).toBe(
      '["crosscheck.audit.v1","1","2025-11-22T10:00:01.123456Z","FRA","0123456789abcdef","record.share",["00000000-0000-4000-8000-000000000001"],"ok",201,"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",null]',
    );
    expect(auditLineHash(GENESIS_HASH, line)).toBe(
      createHash('sha256')
        .update(`${GENESIS_HASH}\n${canonicalAuditLine(line)}`)
        .digest('hex'),
    );
  });

  it.each<[string, Partial<ChainedAuditFields>]>([
    ['id', { id: '2' }],
    ['time, by a microsecond', { at: '2025-11-22T10:00:01.123457Z' }],
    ['agency', { agency: 'ESP' }],
    ['agency, to none', { agency: null }],
    ['agency, to the text "null"', { agency: 'null' }],
    ['key id', { keyId: 'fedcba9876543210' }],
    ['action', { action: 'record.read' }],
    ['record ids, joined into one', { recordIds: ['00000000-0000-4000-8000-000000000001,x'] }],
    ['record ids, none', { recordIds: [] }],
    ['outcome', { outcome: 'refused' }],
    ['status', { status: 200 }],
    ['trace id', { traceId: null }],
    ['detail', { detail: 'false positive' }],
  ])('changes when the %s changes', (_field, change) => {
    expect(auditLineHash(GENESIS_HASH, { ...fields(1), ...change })).not.toBe(auditLineHash(GENESIS_HASH, fields(1)));
  });

  it('changes with the previous hash', () => {
    expect(auditLineHash('f'.repeat(64), fields(1))).not.toBe(auditLineHash(GENESIS_HASH, fields(1)));
  });
});

describe('walking an audit chain', () => {
  it('finds an untouched log intact and names its head', () => {
    const lines = log(5);
    expect(walkAuditChain(lines)).toEqual({
      lines: 5,
      unchainedLines: 0,
      breaks: [],
      head: { line: { id: '5', at: lines[4].at, action: 'record.share' }, hash: lines[4].hash },
    });
  });

  it('finds an empty log intact, with no head', () => {
    expect(walkAuditChain([])).toEqual({ lines: 0, unchainedLines: 0, breaks: [], head: null });
  });

  it('accepts lines from before the chain when its first line seals them', () => {
    expect(walkAuditChain(log(3, 4))).toMatchObject({ lines: 7, unchainedLines: 4, breaks: [] });
  });

  it.each<[string, (lines: StoredAuditLine[]) => StoredAuditLine[], { kind: string; id: string }[]]>([
    [
      'a field edited',
      (lines) => lines.map((line) => (line.id === '3' ? { ...line, outcome: 'ok', status: 200 } : line)),
      [{ kind: 'edited', id: '3' }],
    ],
    [
      'a time edited',
      (lines) => lines.map((line) => (line.id === '3' ? { ...line, at: '2020-01-01T00:00:00.000000Z' } : line)),
      [{ kind: 'edited', id: '3' }],
    ],
    ['a line deleted', (lines) => lines.filter((line) => line.id !== '3'), [{ kind: 'unlinked', id: '4' }]],
    ['the first line deleted', (lines) => lines.slice(1), [{ kind: 'unlinked', id: '2' }]],
    [
      'two lines deleted, apart',
      (lines) => lines.filter((line) => line.id !== '2' && line.id !== '4'),
      [
        { kind: 'unlinked', id: '3' },
        { kind: 'unlinked', id: '5' },
      ],
    ],
    [
      'a line edited and its own hash recomputed',
      (lines) => rehash(lines, '3', { action: 'record.read' }).map((line, index) => (index > 2 ? lines[index] : line)),
      [{ kind: 'unlinked', id: '4' }],
    ],
    [
      'a hash overwritten',
      (lines) => lines.map((line) => (line.id === '3' ? { ...line, hash: 'f'.repeat(64) } : line)),
      [
        { kind: 'edited', id: '3' },
        { kind: 'unlinked', id: '4' },
      ],
    ],
    [
      'a line without a hash inserted',
      (lines) => [...lines.slice(0, 3), { ...fields(9), prevHash: null, hash: null }, ...lines.slice(3)],
      [{ kind: 'unchained', id: '9' }],
    ],
  ])('names the line after %s', (_tampering, tamper, expected) => {
    expect(kinds(walkAuditChain(tamper(log(5))).breaks)).toEqual(expected);
  });

  it.each<[string, (lines: StoredAuditLine[]) => StoredAuditLine[]]>([
    ['edited', (lines) => lines.map((line) => (line.id === '2' ? { ...line, agency: 'ESP' } : line))],
    ['deleted', (lines) => lines.filter((line) => line.id !== '2')],
  ])('names the first chained line when a line from before the chain was %s', (_tampering, tamper) => {
    expect(kinds(walkAuditChain(tamper(log(3, 4))).breaks)).toEqual([{ kind: 'unsealed', id: '5' }]);
  });

  it('cannot see the newest lines deleted, or every hash recomputed after an edit, without an anchor', () => {
    expect(walkAuditChain(log(5).slice(0, 3)).breaks).toEqual([]);
    expect(walkAuditChain(rehash(log(5), '3', { action: 'record.read' })).breaks).toEqual([]);
  });

  it('sees the log truncated or rewritten back past an anchor', () => {
    const lines = log(5);
    const anchor = { id: '4', hash: lines[3].hash! };
    expect(walkAuditChain(lines, [anchor]).breaks).toEqual([]);
    expect(walkAuditChain(lines.slice(0, 3), [anchor]).breaks).toEqual([{ kind: 'anchor', anchor, found: null }]);
    expect(walkAuditChain(rehash(lines, '2', { detail: 'rewritten' }), [anchor]).breaks).toEqual([
      { kind: 'anchor', anchor, found: expect.not.stringMatching(anchor.hash) },
    ]);
  });

  it('describes each break by the line’s id, time and action', () => {
    const [edited] = walkAuditChain(
      log(5).map((line) => (line.id === '3' ? { ...line, action: 'record.read' } : line)),
    ).breaks;
    expect(describeAuditChainBreak(edited)).toBe(
      'line 3 (2025-11-22T10:00:03.123456Z, record.read) was edited: its fields no longer give its hash',
    );
    const [unlinked] = walkAuditChain(log(5).filter((line) => line.id !== '3')).breaks;
    expect(describeAuditChainBreak(unlinked)).toContain(
      'line 4 (2025-11-22T10:00:04.123456Z, record.share) does not follow line 2 (2025-11-22T10:00:02.123456Z, record.share)',
    );
  });
});

/** What an attacker with write access does: change a line and recompute every hash from there on. */
function rehash(lines: StoredAuditLine[], fromId: string, change: Partial<ChainedAuditFields>): StoredAuditLine[] {
  const from = lines.findIndex((line) => line.id === fromId);
  const rewritten = lines.slice(0, from);
  let prevHash = lines[from].prevHash!;
  for (const line of lines.slice(from)) {
    const changed = line.id === fromId ? { ...line, ...change } : line;
    const hash = auditLineHash(prevHash, changed);
    rewritten.push({ ...changed, prevHash, hash });
    prevHash = hash;
  }
  return rewritten;
}
