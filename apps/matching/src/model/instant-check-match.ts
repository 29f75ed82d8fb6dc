/**
 * The `matches.found.v1` message of one instant-check finding. Its "record" is
 * the query, owned by the searching agency and disseminated to the entry's
 * owner alone, so alerting tells both sides of the hit (a hit notice, or for a
 * hit/no-hit the owner's notice and the searcher's answer) and nobody else.
 * The check is its own entity: each check is told of once. Pure.
 */
import { randomUUID } from 'node:crypto';
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import {
  DisseminationScope,
  MatchFound,
  MatchFoundSchema,
  MatchLevel,
  OutsidePolicy,
  SharedRecord,
  SharedRecordSchema,
} from '@crosscheck/contracts';
import { RECORD_KIND_CONTRACT, type RecordKindName } from '@crosscheck/records';
import type { Finding } from './matcher';

export interface InstantCheck {
  checkId: string;
  agency: string;
  query: { kind: RecordKindName; body: SharedRecord['body'] };
  at: Date;
}

export function instantCheckMatch(
  check: InstantCheck,
  finding: Finding,
  answer: { hitReference?: string; probeCount?: number } = {},
): MatchFound {
  const entry = finding.entry;
  const record = create(SharedRecordSchema, {
    recordId: check.checkId,
    version: 1,
    kind: RECORD_KIND_CONTRACT[check.query.kind],
    externalRef: `instant check ${answer.hitReference ?? check.checkId}`,
    owner: check.agency,
    dissemination: {
      scope: DisseminationScope.AGENCIES,
      agencies: [entry.entry.owner],
      outside: OutsidePolicy.HIDDEN,
    },
    purpose: 'instant-check',
    reportedAt: timestampFromDate(check.at),
    body: check.query.body,
  });
  return create(MatchFoundSchema, {
    matchId: randomUUID(),
    entityId: check.checkId,
    recordId: check.checkId,
    recordKind: record.kind,
    recordOwner: check.agency,
    recordDissemination: record.dissemination,
    dataset: entry.dataset,
    datasetVersion: BigInt(entry.version),
    entryId: entry.entryId,
    entryOwner: entry.entry.owner,
    entryDissemination: entry.entry.dissemination,
    noticeColour: entry.entry.body.case === 'notice' ? entry.entry.body.value.colour : undefined,
    score: finding.score,
    level: finding.level === 'hit' ? MatchLevel.HIT : MatchLevel.POSSIBLE,
    features: finding.features,
    foundAt: timestampFromDate(check.at),
    record,
    entry: entry.entry,
    instantCheck: true,
    hitReference: answer.hitReference ?? '',
    probeCount: answer.probeCount ?? 0,
  });
}
