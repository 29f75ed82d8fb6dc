/**
 * Bad input at the front door gets a clear 4xx naming the field and the rule,
 * and changes nothing: no record is stored and nothing is published.
 */
import { Client } from 'pg';
import { unknownPerson } from '../fixtures/records';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(120_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('badinput');
  await suite.startWith('intake', { HTTP_MAX_BODY_BYTES: String(1024 * 1024) });
});

afterAll(async () => {
  await suite?.close();
});

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${suite.url('intake')}/v1/records`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await suite.agencies.key('FRA')}`,
      ...headers,
    },
    body,
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      error: { code: string; message: string; details: { field: string; rule: string }[] };
    },
  };
}

async function storedRecords(): Promise<number> {
  const client = new Client({ connectionString: suite.databaseUrl });
  await client.connect();
  const { rows } = await client.query(
    "SELECT (SELECT count(*) FROM intake.records)::int + (SELECT count(*) FROM intake.outbox WHERE topic LIKE 'records.%')::int AS total",
  );
  await client.end();
  return rows[0].total;
}

const valid = unknownPerson();

it.each([
  ['malformed JSON', '{"kind": "person",', {}, 400, 'malformed_json', undefined],
  [
    'a wrong content type',
    'kind=person',
    { 'content-type': 'application/x-www-form-urlencoded' },
    415,
    'unsupported_media_type',
    undefined,
  ],
  [
    'a body over the size limit',
    JSON.stringify({ ...valid, purpose: 'x'.repeat(2 * 1024 * 1024) }),
    {},
    413,
    'payload_too_large',
    undefined,
  ],
  [
    'an unknown field',
    JSON.stringify({ ...valid, nickname: 'Ace' }),
    {},
    400,
    'validation_failed',
    { field: 'nickname', rule: 'unknownField' },
  ],
  [
    'a name with no part',
    JSON.stringify({ ...valid, person: { ...valid.person, names: [{ script: 'Latn' }] } }),
    {},
    400,
    'validation_failed',
    { field: 'person.names', rule: 'hasSomeName' },
  ],
  [
    'an empty name',
    JSON.stringify({ ...valid, person: { ...valid.person, names: [{ given: '' }] } }),
    {},
    400,
    'validation_failed',
    { field: 'person.names[0].given', rule: 'isNotEmpty' },
  ],
  [
    'a date of birth that does not exist',
    JSON.stringify({ ...valid, person: { ...valid.person, dateOfBirth: '1971-02-30' } }),
    {},
    400,
    'validation_failed',
    { field: 'person.dateOfBirth', rule: 'isPartialDate' },
  ],
  [
    'a country that does not exist',
    JSON.stringify({ ...valid, person: { ...valid.person, nationalities: ['XXA'] } }),
    {},
    400,
    'validation_failed',
    { field: 'person.nationalities', rule: 'isISO31661Alpha3' },
  ],
  ...(
    [
      [
        'a phone number that is not one',
        { phones: [{ number: '+33 12' }] },
        'person.phones[0].number',
        'isPhoneNumber',
      ],
      [
        'a national phone number without its country',
        { phones: [{ number: '06 12 34 56 78' }] },
        'person.phones[0].number',
        'isPhoneNumber',
      ],
      ['a phone number with letters', { phones: [{ number: '+33 CALL ME' }] }, 'person.phones[0].number', 'matches'],
      ['an email without a domain', { emails: ['ivan@'] }, 'person.emails', 'isEmail'],
      ['an address that places nothing', { addresses: [{ country: 'FRA' }] }, 'person.addresses[0]', 'hasSomeAddress'],
      [
        'an identifier of an unknown type',
        { identifiers: [{ type: 'passport_number', number: '123', country: 'FRA' }] },
        'person.identifiers[0].type',
        'isIn',
      ],
      [
        'a relation with an unknown role',
        { relations: [{ to: 'FR-2', role: 'friend' }] },
        'person.relations[0].role',
        'isIn',
      ],
    ] as const
  ).map(
    ([name, extra, field, rule]) =>
      [
        name,
        JSON.stringify({ ...valid, person: { ...valid.person, ...extra } }),
        {},
        400,
        'validation_failed',
        { field, rule },
      ] as [string, string, object, number, string, { field: string; rule: string }],
  ),
  [
    'control characters in a reference',
    JSON.stringify({ ...valid, externalRef: 'FR-\u0000-1' }),
    {},
    400,
    'invalid_text',
    { field: 'externalRef', rule: 'noControlCharacters' },
  ],
  [
    'very deep nesting',
    `{"kind":"person","person":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
    {},
    400,
    'too_deeply_nested',
    undefined,
  ],
  ['no key', JSON.stringify(valid), { authorization: '' }, 401, 'unauthenticated', undefined],
])('%s is refused and changes nothing', async (_, body, headers, status, code, detail) => {
  await suite.agencies.key('FRA');
  const before = await storedRecords();
  const answer = await post(body, headers as Record<string, string>);
  expect(answer.status).toBe(status);
  expect(answer.body.error.code).toBe(code);
  if (detail) expect(answer.body.error.details).toContainEqual(expect.objectContaining(detail));
  expect(await storedRecords()).toBe(before);
});

it('answers an unknown or malformed record id with 404', async () => {
  for (const id of ['not-a-uuid', '6f1c1a0e-4a3b-4a4c-9d1e-000000000000']) {
    const response = await fetch(`${suite.url('intake')}/v1/records/${id}`, {
      headers: { authorization: `Bearer ${await suite.agencies.key('FRA')}` },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  }
});
