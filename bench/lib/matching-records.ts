/**
 * The records matching's speed benchmark checks: the labelled queries of
 * test/data/reference-generator (made of the first entries of the very
 * datasets the benchmark loads, for the same seed), as what each path takes —
 * the `RecordResolved` dedup would publish for a record intake shared
 * (intake's own `toSharedRecord`, a new entity of one record), and the body
 * `POST /v1/checks` takes.
 */
import { randomUUID } from 'node:crypto';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { RecordResolved, RecordResolvedSchema, ResolutionDecision } from '@crosscheck/contracts';
import type { MatchingCase } from '../../test/data/reference-generator';
import type { ReferenceQueryBody } from '../../test/data/reference-generator/reference-entries';
import { sharedRecordOf } from './shared-record';

/** What a checked record is, for the mix: a person with or without documents, a travel document, a vehicle... */
export type RecordMix = 'person' | 'person_with_documents' | 'travel_document' | 'vehicle' | 'firearm' | 'artwork';

export function mixOf(labelled: MatchingCase): RecordMix {
  const query = labelled.query;
  if (query.kind === 'person') return (query.person.documents?.length ?? 0) > 0 ? 'person_with_documents' : 'person';
  return query.kind;
}

/** The body of a `POST /v1/checks`: the kind and its body, nothing of the record's envelope. */
export function checkQueryOf(labelled: MatchingCase): ReferenceQueryBody {
  const { externalRef: _externalRef, purpose: _purpose, dissemination: _dissemination, ...body } = labelled.query;
  return body as ReferenceQueryBody;
}

/** The case as dedup would publish it after resolving it as a new entity: a record of its own, owned by `owner`. */
export function recordResolvedOf(labelled: MatchingCase, owner: string, now = new Date()): RecordResolved {
  const recordId = randomUUID();
  const externalRef = `${labelled.query.externalRef}-${recordId.slice(0, 8)}`;
  const record = sharedRecordOf(
    { owner, externalRef, kind: labelled.query.kind, content: labelled.query },
    now,
    recordId,
  );
  return create(RecordResolvedSchema, {
    entityId: randomUUID(),
    record,
    memberRecordIds: [recordId],
    decision: ResolutionDecision.NEW_ENTITY,
    score: 0,
    resolvedAt: timestampNow(),
  });
}
