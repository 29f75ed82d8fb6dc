/**
 * Names as the world writes them, through the real services: a notice loaded
 * in Latin script is found by instant checks written in Arabic, Cyrillic,
 * Hangul and katakana, each explanation naming the route that matched; a
 * record shared in Greek joins the entity of its Latin twin; two Han names one
 * character apart stay two people. Real intake, dedup and matching processes,
 * real Kafka, real Postgres, the loader CLI as a process.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadReference } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { shareRecord } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('names');
  await suite.start('intake', 'dedup', 'matching');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'crosscheck-names-')), 'notices.ndjson');
  const notice = {
    entryId: 'RN-NAMES-1',
    colour: 'red',
    noticeRef: 'A-NAMES-1',
    charges: 'Fraud',
    subject: { names: [{ given: 'Martin', family: 'Schmidt' }], dateOfBirth: '1974-09-30', sex: 'male' },
  };
  writeFileSync(file, `${JSON.stringify(notice)}\n`);
  expect((await loadReference(suite, ['--dataset', 'notices', '--file', file])).code).toBe(0);
});

afterAll(async () => {
  await suite?.close();
});

async function keyOf(agency: string, service: 'dedup' | 'matching'): Promise<string> {
  const key = await suite.agencies.key(agency);
  await suite.agencies.accepted(key, suite.url(service));
  return key;
}

async function check(name: { original: string; script: string }, dateOfBirth?: string): Promise<any[]> {
  const response = await fetch(`${suite.url('matching')}/v1/checks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await keyOf('AUT', 'matching')}` },
    body: JSON.stringify({
      kind: 'person',
      person: { names: [{ full: name.original, ...name }], ...(dateOfBirth ? { dateOfBirth } : {}) },
    }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { hits: any[] }).hits;
}

describe('a notice in Latin script', () => {
  it.each([
    ['Arabic', 'مارتن شميت', 'Arab'],
    ['Cyrillic', 'Мартин Шмидт', 'Cyrl'],
    ['Hangul', '마르틴 슈미트', 'Kore'],
    ['katakana', 'マルティン・シュミット', 'Jpan'],
  ])('is found by a check written in %s, with the route in the explanation', async (_script, original, script) => {
    const withDate = await check({ original, script }, '1974-09-30');
    expect(withDate.map((hit) => [hit.entryId, hit.level])).toEqual([['RN-NAMES-1', 'hit']]);
    const name = withDate[0].features.find((feature: { feature: string }) => feature.feature === 'name');
    expect(name.detail).toMatch(/\((learned transliteration|romanised)\)/);
    // The name alone, in another script, is for an analyst to look at: possible, not hit.
    expect((await check({ original, script })).map((hit) => [hit.entryId, hit.level])).toEqual([
      ['RN-NAMES-1', 'possible'],
    ]);
  });

  it('is not found by another person of the same family name', async () => {
    expect(await check({ original: 'Томас Шмидт', script: 'Cyrl' }, '1981-02-11')).toEqual([]);
  });
});

describe('records shared in other scripts', () => {
  /** A name known only in its own script is sent as the full name, with the script said. */
  const written = (original: string, script: string) => ({ full: original, original, script });

  async function share(agency: string, names: object[], dateOfBirth: string): Promise<string> {
    const shared = await shareRecord(suite.url('intake'), await keyOf(agency, 'dedup'), {
      kind: 'person',
      externalRef: `CASE-${randomUUID()}`,
      dissemination: { scope: 'all' },
      purpose: 'investigation',
      person: { names, dateOfBirth },
    });
    expect(shared.status).toBe(201);
    return shared.body.record.id as string;
  }

  async function entityOf(recordId: string): Promise<{ entityId: string; records: { id: string }[] }> {
    const response = await fetch(`${suite.url('dedup')}/v1/records/${recordId}/entity`, {
      headers: { authorization: `Bearer ${await keyOf('GRC', 'dedup')}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as { entityId: string; records: { id: string }[] };
  }

  it('join the entity of their Latin twin: a Greek record', async () => {
    const latin = await share('ITA', [{ given: 'Konstantinos', family: 'Papadakis' }], '1979-04-12');
    await waitForPipelineIdle(suite);
    const greek = await share('GRC', [written('Κωνσταντίνος Παπαδάκης', 'Grek')], '1979-04-12');
    await waitForPipelineIdle(suite);
    const entity = await entityOf(greek);
    expect(entity.records.map((record) => record.id).sort()).toEqual([latin, greek].sort());
  });

  it('stay apart when two Han names are one character apart, though they read alike', async () => {
    const first = await share('TWN', [written('王偉', 'Hani')], '1985-06-01');
    await waitForPipelineIdle(suite);
    const second = await share('CHN', [written('王玮', 'Hani')], '1985-06-01');
    const same = await share('HKG', [written('王伟', 'Hani')], '1985-06-01');
    await waitForPipelineIdle(suite);
    expect((await entityOf(second)).entityId).not.toBe((await entityOf(first)).entityId);
    // 王偉 (traditional) and 王伟 (simplified) are one name.
    expect((await entityOf(same)).entityId).toBe((await entityOf(first)).entityId);
  });
});
