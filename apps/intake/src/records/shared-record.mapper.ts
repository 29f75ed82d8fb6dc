/** Turns a stored record into the `SharedRecord` contract that travels downstream. */
import { create } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { DisseminationScope, RecordKind, SharedRecord, SharedRecordSchema, Sex } from '@crosscheck/contracts';
import { PARTIAL_DATE, ShareRecordDto } from '../share-record/share-record.dto';
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
        names: person.names.map((name) => ({
          full: name.full ?? [name.given, name.family].filter(Boolean).join(' '),
          given: name.given ?? '',
          family: name.family ?? '',
          original: name.original ?? '',
          script: name.script ?? '',
          alias: name.alias ?? false,
        })),
        dateOfBirth: partialDate(person.dateOfBirth),
        sex: person.sex ? SEXES[person.sex] : Sex.UNSPECIFIED,
        nationalities: person.nationalities ?? [],
        placeOfBirth: person.placeOfBirth ?? '',
      },
    },
  });
}

function partialDate(text: string | undefined) {
  const match = text ? PARTIAL_DATE.exec(text) : null;
  if (!match) return undefined;
  return { year: Number(match[1]), month: Number(match[2] ?? 0), day: Number(match[3] ?? 0) };
}

export type RecordContent = Omit<ShareRecordDto, 'externalRef'>;
