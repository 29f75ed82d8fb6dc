/**
 * Contact details as evidence that two agencies' records are one person,
 * weighed by how many records carry them: two records whose birth dates agree
 * and whose names share only the family name become one entity when they
 * share a rare address, and stay apart when the address is a hostel's that
 * many others give. Real intake and dedup processes, real Kafka and Postgres.
 */
import { randomUUID } from 'node:crypto';
import { shareRecord } from '../fixtures/records';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, type Suite } from '../harness/suite';

jest.setTimeout(180_000);

let suite: Suite;
const tag = randomUUID().slice(0, 6);

beforeAll(async () => {
  suite = await createSuite('contact-evidence');
  await suite.start('intake', 'dedup');
});

afterAll(async () => {
  await suite?.close();
});

const address = (street: string, number: string) => ({
  street,
  number,
  postcode: '2602',
  locality: 'Canberra',
  country: 'AUS',
});

async function share(agency: string, given: string, family: string, home: object): Promise<string> {
  const shared = await shareRecord(suite.url('intake'), await suite.agencies.key(agency), {
    kind: 'person',
    externalRef: `${agency}-${given}-${family}`,
    dissemination: { scope: 'all' },
    purpose: 'investigation',
    person: { names: [{ given, family }], dateOfBirth: '1971-03-14', addresses: [home] },
  });
  if (shared.status !== 201) throw new Error(`sharing was refused: ${shared.status} ${JSON.stringify(shared.body)}`);
  return shared.body.record.id as string;
}

async function entityOf(recordId: string): Promise<{ entityId: string; links: { agencies: string[] }[] }> {
  const key = await suite.agencies.key('NLD');
  await suite.agencies.accepted(key, suite.url('dedup'));
  const response = await fetch(`${suite.url('dedup')}/v1/records/${recordId}/entity`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as { entityId: string; links: { agencies: string[] }[] };
}

describe('contact details as dedup evidence', () => {
  it('joins two agencies’ records of one person: same birth date, family name and a rare address', async () => {
    const home = address(`Milne Cove ${tag}`, '5');
    const french = await share('FRA', 'Amelia', `Ryan${tag}`, home);
    await waitForPipelineIdle(suite);
    const german = await share('DEU', 'Edward', `Ryan${tag}`, home);
    await waitForPipelineIdle(suite);
    const [a, b] = [await entityOf(french), await entityOf(german)];
    expect(b.entityId).toBe(a.entityId);
    expect(a.links.map((link) => [...link.agencies].sort())).toEqual([['DEU', 'FRA']]);
  });

  it('keeps them apart when the address is a hostel 25 other records give', async () => {
    const hostel = address(`Station Road ${tag}`, '1');
    const guests = await suite.agencies.key('ITA');
    const batch = await fetch(`${suite.url('intake')}/v1/records/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${guests}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        Array.from({ length: 25 }, (_, index) => ({
          kind: 'person',
          externalRef: `ITA-guest-${index}-${tag}`,
          dissemination: { scope: 'all' },
          purpose: 'investigation',
          person: { names: [{ given: `Guest${index}`, family: `Visitor${index}x${tag}` }], addresses: [hostel] },
        })),
      ),
    });
    expect(batch.status).toBe(200);
    await waitForPipelineIdle(suite);
    const french = await share('FRA', 'Carla', `Moss${tag}`, hostel);
    await waitForPipelineIdle(suite);
    const german = await share('DEU', 'Peter', `Moss${tag}`, hostel);
    await waitForPipelineIdle(suite);
    expect((await entityOf(german)).entityId).not.toBe((await entityOf(french)).entityId);
  });
});
