/** Turns a stored record into the `SharedRecord` contract that travels downstream. */
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DisseminationScope, partialDateFromText, personNameFromJson, RecordKind, SharedRecord, SharedRecordSchema, Sex } from '@crosscheck/contracts';
import { ShareRecordDto } from '../share-record/share-record.dto';
import { StoredRecord } from './records.repository';

const SCOPES = { all: DisseminationScope.ALL, agencies: DisseminationScope.AGENCIES, 'owner-only': DisseminationScope.OWNER_ONLY } as const;
const SEXES = { male: Sex.MALE, female: Sex.FEMALE, unknown: Sex.UNKNOWN } as const;

export function toSharedRecord(record: StoredRecord): SharedRecord {
  const content = record.content;
  const person = content.person;
  return create(SharedRecordSchema, {
    recordId: record.recordId,
    version: record.version,
    kind: RecordKind.PERSON,
    externalRef: record.externalRef,
    owner: record.owner,
    dissemination: { scope: SCOPES[content.dissemination.scope], agencies: content.dissemination.agencies ?? [] },
    purpose: content.purpose,
    reportedAt: timestampFromDate(record.reportedAt),
    expiresAt: timestampFromDate(record.expiresAt),
    caseRef: content.caseRef ?? '',
    body: {
      case: 'person',
      value: {
        names: person.names.map(personNameFromJson),
        dateOfBirth: partialDateFromText(person.dateOfBirth),
        sex: person.sex ? SEXES[person.sex] : Sex.UNSPECIFIED,
        nationalities: person.nationalities ?? [],
        placeOfBirth: person.placeOfBirth ?? '',
      },
    },
  });
}

export type RecordContent = Omit<ShareRecordDto, 'externalRef'>;
