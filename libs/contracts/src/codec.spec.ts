import { create, isMessage } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';
import { ContractError } from './errors';
import { decodeMessage, encodeMessage, lookupSchema, schemaName } from './codec';
import { DisseminationScope, DocumentType, RecordKind, Sex } from './gen/crosscheck/common/v1/common_pb';
import {
  RecordReceivedSchema,
  RecordWithdrawnSchema,
  type RecordReceived,
} from './gen/crosscheck/records/v1/records_pb';
import {
  CONTENT_TYPE_PROTOBUF,
  HEADER_SCHEMA,
  Topics,
  TopicSchemas,
  contractHeaders,
  deadLetterTopic,
  messageKey,
  schemaForTopic,
} from './topics';
import { DeadLetterSchema } from './gen/crosscheck/messaging/v1/messaging_pb';

function recordReceived(): RecordReceived {
  return create(RecordReceivedSchema, {
    record: {
      recordId: 'rec-0001',
      version: 3,
      kind: RecordKind.PERSON,
      externalRef: 'RU-MVD-2024-77',
      owner: 'RU',
      dissemination: { scope: DisseminationScope.AGENCIES, agencies: ['FR', 'DE'] },
      purpose: 'arrest',
      reportedAt: timestampFromDate(new Date('2024-05-01T10:00:00Z')),
      caseRef: 'case/42',
      body: {
        case: 'person',
        value: {
          names: [
            { full: 'Ivan Petrov', given: 'Ivan', family: 'Petrov', original: 'Иван Петров', script: 'Cyrl' },
            { full: 'Jean Dupont', given: 'Jean', family: 'Dupont', script: 'Latn', alias: true },
          ],
          dateOfBirth: { year: 1971, month: 3, day: 0 },
          sex: Sex.MALE,
          nationalities: ['RUS'],
          documents: [
            { number: '75 1234567', numberNormalized: '751234567', type: DocumentType.PASSPORT, issuingCountry: 'RUS' },
          ],
          distinguishingMarks: ['шрам на левой щеке'],
        },
      },
    },
    receivedAt: timestampFromDate(new Date('2024-05-01T10:00:01Z')),
  });
}

describe('codec', () => {
  it('round-trips a RecordReceived with Cyrillic and Latin names', () => {
    const msg = recordReceived();
    const bytes = encodeMessage(RecordReceivedSchema, msg);
    expect(bytes.length).toBeGreaterThan(0);

    const decoded = decodeMessage(schemaName(RecordReceivedSchema), bytes);
    expect(isMessage(decoded, RecordReceivedSchema)).toBe(true);
    expect(decoded).toEqual(msg);

    const typed = decodeMessage(RecordReceivedSchema, bytes);
    expect(typed.record?.body.case).toBe('person');
    if (typed.record?.body.case !== 'person') throw new Error('unreachable');
    const [native, alias] = typed.record.body.value.names;
    expect(native).toMatchObject({ original: 'Иван Петров', script: 'Cyrl', full: 'Ivan Petrov', alias: false });
    expect(alias).toMatchObject({ full: 'Jean Dupont', script: 'Latn', alias: true });
    expect(typed.record.body.value.distinguishingMarks).toEqual(['шрам на левой щеке']);
  });

  it('encodes plain init objects too', () => {
    const bytes = encodeMessage(RecordWithdrawnSchema, { recordId: 'rec-1', owner: 'FR', version: 2 });
    expect(decodeMessage(RecordWithdrawnSchema, bytes)).toMatchObject({ recordId: 'rec-1', owner: 'FR', version: 2 });
  });

  it('refuses to encode a message as another schema', () => {
    expect(() => encodeMessage(RecordWithdrawnSchema, recordReceived() as never)).toThrow(ContractError);
  });

  it('throws ContractError naming the schema for undecodable bytes', () => {
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]);
    const name = 'crosscheck.records.v1.RecordReceived';
    let err: unknown;
    try {
      decodeMessage(name, garbage);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ContractError);
    expect((err as ContractError).schemaName).toBe(name);
    expect((err as ContractError).message).toContain(name);
  });

  it('throws ContractError naming an unknown schema', () => {
    const name = 'crosscheck.records.v9.NoSuchThing';
    expect(() => decodeMessage(name, new Uint8Array())).toThrow(ContractError);
    expect(() => decodeMessage(name, new Uint8Array())).toThrow(name);
    // Only crosscheck messages are in the registry.
    expect(() => lookupSchema('google.protobuf.Timestamp')).toThrow(ContractError);
  });
});

describe('topics', () => {
  it('maps every topic to a registered crosscheck schema', () => {
    for (const [topic, schema] of Object.entries(TopicSchemas)) {
      expect(lookupSchema(schema.typeName)).toBe(schema);
      expect(schemaForTopic(topic)).toBe(schema);
    }
    expect(TopicSchemas[Topics.recordsReceived].typeName).toBe('crosscheck.records.v1.RecordReceived');
  });

  it('names dead-letter topics and their schema', () => {
    expect(deadLetterTopic(Topics.matchesFound)).toBe('matches.found.v1.dlq');
    expect(schemaForTopic(deadLetterTopic(Topics.matchesFound))).toBe(DeadLetterSchema);
    expect(schemaForTopic('no.such.topic')).toBeUndefined();
  });

  it('derives message keys and headers', () => {
    expect(messageKey(Topics.recordsReceived, recordReceived())).toBe('rec-0001');
    expect(() => messageKey(Topics.recordsReceived, create(RecordReceivedSchema))).toThrow(ContractError);
    expect(contractHeaders(RecordReceivedSchema, 'm-1')).toEqual({
      [HEADER_SCHEMA]: 'crosscheck.records.v1.RecordReceived',
      'message-id': 'm-1',
      'content-type': CONTENT_TYPE_PROTOBUF,
    });
  });
});
