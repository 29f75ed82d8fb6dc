/**
 * Rules every write of a record's content follows, whether it is a first
 * share, a re-share, an update or a batch item: its hash (to recognise an
 * unchanged re-share), its dates (retention at most RECORD_RETENTION_DAYS),
 * its normalised identifier, and its warnings.
 */
import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import { checkVin } from '@crosscheck/resolution';
import { ApiError, FieldProblem, invalidField } from '@crosscheck/runtime';
import { normalizedIdentifier } from '@crosscheck/records';
import type { RecordContent } from './record';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface PreparedContent {
  content: RecordContent;
  contentHash: string;
  identifierNormalized: string | null;
  reportedAt: Date;
  expiresAt: Date;
  warnings: FieldProblem[];
}

export function prepareContent(content: RecordContent, retentionDays: number, now = new Date()): PreparedContent {
  const reportedAt = content.reportedAt ? new Date(content.reportedAt) : now;
  const longest = new Date(now.getTime() + retentionDays * DAY_MS);
  const expiresAt = content.expiresAt ? new Date(content.expiresAt) : longest;
  if (reportedAt.getTime() > now.getTime() + 5 * 60 * 1000)
    throw invalidField('reportedAt', 'notInFuture', 'must not be in the future');
  if (expiresAt.getTime() <= now.getTime()) throw invalidField('expiresAt', 'inFuture', 'must be in the future');
  if (expiresAt.getTime() > longest.getTime())
    throw invalidField('expiresAt', 'maxRetention', `must be at most ${retentionDays} days from now`);
  return {
    content,
    contentHash: hashContent(content),
    identifierNormalized: normalizedIdentifier(content),
    reportedAt,
    expiresAt,
    warnings: warningsFor(content),
  };
}

/** Accepted, but worth telling the agency: a VIN check digit that does not add up (only North American VINs carry one). */
function warningsFor(content: RecordContent): FieldProblem[] {
  if (content.kind !== 'vehicle' || !content.vehicle?.vin) return [];
  const vin = checkVin(content.vehicle.vin);
  if (vin.checkDigit !== 'mismatch') return [];
  return [
    {
      field: 'vehicle.vin',
      rule: 'vinCheckDigit',
      message: 'the ISO 3779 check digit (position 9) does not match; fine unless this is a North American VIN',
    },
  ];
}

/** A hash of the content that ignores key order, so the same record re-sent is recognised. */
export function hashContent(content: unknown): string {
  return createHash('sha256')
    .update(canonicalJson(content) ?? '')
    .digest('hex');
}

// Keys sorted at every level, undefined fields dropped: the same content always gives the same text.
const canonicalJson = configure({ deterministic: true, bigint: false });

/** A record's kind never changes: an update, or a re-share under the same externalRef, as another kind is refused with this. */
export function kindChange(stored: { kind: string }, kind: string): ApiError | undefined {
  return stored.kind === kind
    ? undefined
    : invalidField('kind', 'immutable', `cannot change from ${stored.kind}; share a ${kind} under a new externalRef`);
}
