/**
 * Operations: an agency starts one with its participants; participants tag
 * their instant checks with it (X-Operation), others cannot; the report counts
 * what was done (checks per day, agency and dataset; hits per dataset, notice
 * colour and level) from the recorded checks, and differs per participant by
 * dissemination (a hit on an entry a participant may not see is not counted
 * for it). A hit found by a check raises hit notices to both sides, and the
 * outcome an agency records on its alert (in alerting) reaches the report over
 * Kafka. JSON and CSV. Real intake, matching and alerting processes, real Kafka
 * and Postgres, notices loaded with the loader CLI, SLTD entries contributed.
 */
import { alertingCall, alertsOf, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadNotices } from '../harness/reference-data';
import { unknownPerson } from '../fixtures/records';
import { createSuite, Suite } from '../harness/suite';

jest.setTimeout(180_000);

let suite: Suite;
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  suite = await createSuite('operations');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
  await loadNotices(suite);
  // FRA's stolen passport is seen by all; DEU's by DEU alone.
  await call('FRA', 'POST', '/v1/contributions/sltd', passport('FR-1', '17FR11111', 'FRA', { scope: 'all' }));
  await call('DEU', 'POST', '/v1/contributions/sltd', passport('DE-1', 'C4DE22222', 'DEU', { scope: 'owner-only' }));
});

afterAll(async () => {
  await suite?.close();
});

async function call(
  agency: string,
  method: string,
  route: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const key = await suite.agencies.key(agency);
  await suite.agencies.accepted(key, suite.url('matching'));
  const response = await fetch(`${suite.url('matching')}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
}

function passport(entryRef: string, number: string, issuingCountry: string, dissemination: unknown) {
  return { entryRef, dissemination, travelDocument: { number, type: 'passport', issuingCountry, status: 'stolen' } };
}

const documentCheck = (number: string, issuingCountry: string) => ({
  kind: 'travel_document',
  travelDocument: { number, type: 'passport', issuingCountry, status: 'stolen' },
});
/** The demo Red Notice RN-2026-000101. */
const petrov = {
  kind: 'person',
  person: { names: [{ given: 'Ivan', family: 'Petrov' }], dateOfBirth: '1971-03-14' },
};

const tagged = { 'x-operation': 'TURQUESA-26' };

describe('an operation', () => {
  it('is started by its coordinator with the participating agencies', async () => {
    const started = await call('FRA', 'POST', '/v1/operations', {
      code: 'turquesa-26',
      name: 'Turquesa: people smuggling routes',
      startsOn: TODAY,
      endsOn: TODAY,
      participants: ['DEU', 'ESP'],
    });
    expect(started.status).toBe(201);
    expect(started.body).toEqual({
      code: 'TURQUESA-26',
      name: 'Turquesa: people smuggling routes',
      startsOn: TODAY,
      endsOn: TODAY,
      coordinator: 'FRA',
      participants: ['FRA', 'DEU', 'ESP'],
    });
    expect(
      (
        await call('ITA', 'POST', '/v1/operations', {
          code: 'TURQUESA-26',
          name: 'Copy',
          startsOn: TODAY,
          endsOn: TODAY,
          participants: [],
        })
      ).status,
    ).toBe(409);
    expect((await call('NLD', 'GET', '/v1/operations/TURQUESA-26')).status).toBe(404);
  });

  it('counts the checks its participants tag with it, and only theirs', async () => {
    const hitsOf = async (agency: string, query: unknown, headers: Record<string, string> = tagged) =>
      (await call(agency, 'POST', '/v1/checks', query, headers)).body.hits.length;
    expect(await hitsOf('ESP', documentCheck('17FR11111', 'FRA'))).toBe(1);
    expect(await hitsOf('ESP', documentCheck('C4DE22222', 'DEU'))).toBe(0);
    expect(await hitsOf('ESP', petrov)).toBe(1);
    expect(await hitsOf('DEU', documentCheck('C4DE22222', 'DEU'))).toBe(1);
    // Not tagged: not the operation's.
    expect(await hitsOf('DEU', documentCheck('17FR11111', 'FRA'), {})).toBe(1);
    // A batch tagged counts each query.
    const batch = await call('FRA', 'POST', '/v1/checks/batch', [documentCheck('17FR11111', 'FRA'), petrov], tagged);
    expect(batch.body.results.map((result: { hits: unknown[] }) => result.hits.length)).toEqual([1, 1]);

    const outsider = await call('NLD', 'POST', '/v1/checks', petrov, tagged);
    expect(outsider.status).toBe(403);
    expect(outsider.body.error.message).toBe('X-Operation: NLD does not take part in operation TURQUESA-26');
  });

  it('reports what was done, each participant seeing the hits on entries it may see', async () => {
    const france = await call('FRA', 'GET', '/v1/operations/TURQUESA-26/report');
    expect(france.status).toBe(200);
    expect(france.body.checks).toEqual([
      { day: TODAY, agency: 'DEU', dataset: 'sltd', count: 1 },
      { day: TODAY, agency: 'ESP', dataset: 'notices', count: 1 },
      { day: TODAY, agency: 'ESP', dataset: 'sltd', count: 2 },
      { day: TODAY, agency: 'FRA', dataset: 'notices', count: 1 },
      { day: TODAY, agency: 'FRA', dataset: 'sltd', count: 1 },
    ]);
    expect(france.body.hits).toEqual([
      { dataset: 'notices', noticeColour: 'red', level: 'hit', count: 2 },
      { dataset: 'sltd', noticeColour: null, level: 'hit', count: 2 },
    ]);
    expect(france.body.totals).toEqual({ checks: 6, hits: 4, outcomes: 0, linkedEntities: 0 });

    // DEU also counts the hit on its own entry that only it may see.
    const germany = await call('DEU', 'GET', '/v1/operations/TURQUESA-26/report');
    expect(germany.body.hits).toContainEqual({ dataset: 'sltd', noticeColour: null, level: 'hit', count: 3 });
    expect(germany.body.totals).toEqual({ checks: 6, hits: 5, outcomes: 0, linkedEntities: 0 });

    const csv = await call('ESP', 'GET', '/v1/operations/TURQUESA-26/report?format=csv');
    expect(csv.contentType).toContain('text/csv');
    expect(csv.body.split('\n')).toEqual([
      'section,day,agency,dataset,notice_colour,level,outcome,count',
      `checks,${TODAY},DEU,sltd,,,,1`,
      `checks,${TODAY},ESP,notices,,,,1`,
      `checks,${TODAY},ESP,sltd,,,,2`,
      `checks,${TODAY},FRA,notices,,,,1`,
      `checks,${TODAY},FRA,sltd,,,,1`,
      'hits,,,notices,red,hit,,2',
      'hits,,,sltd,,hit,,2',
      '',
    ]);
    expect((await call('NLD', 'GET', '/v1/operations/TURQUESA-26/report')).status).toBe(404);
  });
});

describe('what followed its hits', () => {
  /** The agency's alerts on an instant check's hit of the entry, once alerting has them. */
  async function checkAlertsOn(key: string, entryId: string) {
    await waitForPipelineIdle(suite);
    return (await alertsOf(suite, key)).filter(
      (alert: { entryId: string; record: { purpose?: string } }) =>
        alert.entryId === entryId && alert.record?.purpose === 'instant-check',
    );
  }

  it('a hit from an instant check raises a hit notice to the searcher and to the entry’s owner', async () => {
    const spain = await checkAlertsOn(await analystKey(suite, 'ESP'), 'RN-2026-000101');
    expect(spain).toEqual([
      expect.objectContaining({ kind: 'hit_notice', agency: 'ESP', recordOwner: 'ESP', entryOwner: 'IPSG' }),
    ]);
    expect(spain[0].record.person.names[0]).toMatchObject({ given: 'Ivan', family: 'Petrov' });
    const owner = await checkAlertsOn(await analystKey(suite, 'IPSG'), 'RN-2026-000101');
    expect(owner.map((alert: { recordOwner: string }) => alert.recordOwner).sort()).toEqual(['ESP', 'FRA']);
    // Nobody else hears of another agency's query.
    expect(await checkAlertsOn(await analystKey(suite, 'DEU'), 'RN-2026-000101')).toEqual([]);
  });

  it('an outcome recorded on an alert appears in the report, for those who may see its entry', async () => {
    const record = async (agency: string, entryId: string, outcome: string) => {
      const analyst = await analystKey(suite, agency);
      const [alert] = await checkAlertsOn(analyst, entryId);
      const route = `/v1/alerts/${alert.alertId}`;
      expect(
        (await alertingCall(suite, analyst, 'POST', `${route}/triage`, { status: 'confirmed', reason: 'seen' })).status,
      ).toBe(200);
      expect((await alertingCall(suite, analyst, 'POST', `${route}/outcome`, { outcome })).status).toBe(200);
    };
    await record('ESP', 'RN-2026-000101', 'arrested');
    // DEU's own entry, which only DEU may see.
    await record('DEU', 'DEU:DE-1', 'seized');
    await waitForPipelineIdle(suite);

    const reportOf = async (agency: string) => (await call(agency, 'GET', '/v1/operations/TURQUESA-26/report')).body;
    const france = await reportOf('FRA');
    expect(france.outcomes).toEqual([{ agency: 'ESP', outcome: 'arrested', count: 1 }]);
    expect(france.totals).toEqual({ checks: 6, hits: 4, outcomes: 1, linkedEntities: 0 });
    const germany = await reportOf('DEU');
    expect(germany.outcomes).toEqual([
      { agency: 'DEU', outcome: 'seized', count: 1 },
      { agency: 'ESP', outcome: 'arrested', count: 1 },
    ]);
    const csv = (await call('ESP', 'GET', '/v1/operations/TURQUESA-26/report?format=csv')).body;
    expect(csv).toContain('\noutcomes,,ESP,,,,arrested,1\n');
    expect(csv).not.toContain('seized');
  });

  it('a later outcome on the same alert replaces the earlier one', async () => {
    const analyst = await analystKey(suite, 'ESP');
    const [alert] = await checkAlertsOn(analyst, 'RN-2026-000101');
    expect(
      (await alertingCall(suite, analyst, 'POST', `/v1/alerts/${alert.alertId}/outcome`, { outcome: 'located' }))
        .status,
    ).toBe(200);
    await waitForPipelineIdle(suite);
    const report = (await call('FRA', 'GET', '/v1/operations/TURQUESA-26/report')).body;
    expect(report.outcomes).toEqual([{ agency: 'ESP', outcome: 'located', count: 1 }]);
  });

  it('an outcome on a hit outside the operation does not count in it', async () => {
    // DEU's untagged check of FRA's passport.
    const analyst = await analystKey(suite, 'DEU');
    const [alert] = await checkAlertsOn(analyst, 'FRA:FR-1');
    await alertingCall(suite, analyst, 'POST', `/v1/alerts/${alert.alertId}/triage`, {
      status: 'confirmed',
      reason: 'x',
    });
    expect(
      (await alertingCall(suite, analyst, 'POST', `/v1/alerts/${alert.alertId}/outcome`, { outcome: 'seized' })).status,
    ).toBe(200);
    await waitForPipelineIdle(suite);
    const report = (await call('DEU', 'GET', '/v1/operations/TURQUESA-26/report')).body;
    expect(report.totals.outcomes).toBe(2);
  });
});

describe('records shared for it', () => {
  async function share(agency: string, record: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${suite.url('intake')}/v1/records`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await suite.agencies.key(agency)}`,
        'content-type': 'application/json',
        ...headers,
      },
      body: JSON.stringify(record),
    });
    return { status: response.status, body: (await response.json()) as any };
  }
  const smuggler = (externalRef: string, extra: object = {}) => ({ ...unknownPerson(), externalRef, ...extra });

  it('are tagged by a participant, by header or field, and the entity linking their cases is reported', async () => {
    await waitForPipelineIdle(suite);
    const spanish = await share('ESP', smuggler('ES-OP-1'), tagged);
    expect(spanish.status).toBe(201);
    expect(spanish.body.record.operation).toBe('TURQUESA-26');
    // DEU's record is for ESP's eyes only.
    const german = await share(
      'DEU',
      smuggler('DE-OP-1', { operation: 'turquesa-26', dissemination: { scope: 'agencies', agencies: ['ESP'] } }),
    );
    expect(german.status).toBe(201);
    expect(german.body.record.operation).toBe('TURQUESA-26');
    // Same person, not shared for the operation: no link through it.
    expect((await share('FRA', smuggler('FR-OP-1'))).status).toBe(201);
    await waitForPipelineIdle(suite);

    const spain = (await call('ESP', 'GET', '/v1/operations/TURQUESA-26/report')).body;
    expect(spain.linkedEntities).toEqual([{ entityId: expect.any(String), agencies: ['DEU', 'ESP'] }]);
    expect(spain.totals.linkedEntities).toBe(1);
    // FRA may not see DEU's record: to FRA the entity links nobody's cases.
    const france = (await call('FRA', 'GET', '/v1/operations/TURQUESA-26/report')).body;
    expect(france.linkedEntities).toEqual([]);
    const csv = (await call('DEU', 'GET', '/v1/operations/TURQUESA-26/report?format=csv')).body;
    expect(csv).toContain('\nlinked_entities,,DEU ESP,,,,,2\n');
  });

  it.each([
    ['an agency outside the operation', 'NLD', { operation: 'TURQUESA-26' }, {}, 403, 'operation', 'participant'],
    ['an unknown operation', 'ESP', { operation: 'NOPE-1' }, {}, 400, 'operation', 'knownOperation'],
    ['a malformed code', 'ESP', { operation: 'no such code!' }, {}, 400, 'operation', 'matches'],
    ['a malformed header', 'ESP', {}, { 'x-operation': 'no such code!' }, 400, 'X-Operation', 'matches'],
    [
      'a header naming another operation than the body',
      'ESP',
      { operation: 'TURQUESA-26' },
      { 'x-operation': 'OTHER-1' },
      400,
      'X-Operation',
      'sameAsBody',
    ],
  ])(
    'tagged by %s are refused, naming the field and the rule, and not stored',
    async (_, agency, extra, headers, status, field, rule) => {
      const externalRef = `REFUSED-${field}-${rule}`;
      const answer = await share(agency, smuggler(externalRef, extra), headers);
      expect(answer.status).toBe(status);
      expect(answer.body.error.details).toEqual([expect.objectContaining({ field, rule })]);
      const listed = await fetch(`${suite.url('intake')}/v1/records?owner=${agency}&limit=500`, {
        headers: { authorization: `Bearer ${await suite.agencies.key(agency)}` },
      });
      const refs = ((await listed.json()) as any).records.map((record: { externalRef: string }) => record.externalRef);
      expect(refs).not.toContain(externalRef);
    },
  );
});

describe('bad input', () => {
  const good = { code: 'STOP-26', name: 'Stop', startsOn: TODAY, endsOn: TODAY, participants: ['DEU'] };
  it.each([
    ['a code with spaces', { ...good, code: 'STOP 26' }, 'code', 'matches'],
    ['no name', { ...good, name: undefined }, 'name', undefined],
    ['a start that is not a date', { ...good, startsOn: '26/12/2026' }, 'startsOn', undefined],
    ['an end before the start', { ...good, startsOn: '2026-12-10', endsOn: '2026-12-01' }, 'endsOn', 'notBeforeStart'],
    ['a participant that is not an agency code', { ...good, participants: ['d e'] }, 'participants', 'matches'],
  ])(
    'an operation with %s is refused, naming the field and the rule, and not created',
    async (_, body, field, rule) => {
      const answer = await call('FRA', 'POST', '/v1/operations', body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.details).toContainEqual(expect.objectContaining({ field, ...(rule ? { rule } : {}) }));
      expect((await call('FRA', 'GET', '/v1/operations/STOP-26')).status).toBe(404);
    },
  );

  it.each([
    ['a malformed operation code', 'no such code!', 'matches'],
    ['an unknown operation', 'NOPE-1', 'knownOperation'],
  ])('a check tagged with %s is refused, naming the header and the rule', async (_, code, rule) => {
    const answer = await call('FRA', 'POST', '/v1/checks', petrov, { 'x-operation': code });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ field: 'X-Operation', rule })]);
  });

  it('a report in another format is refused', async () => {
    const answer = await call('FRA', 'GET', '/v1/operations/TURQUESA-26/report?format=xml');
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toEqual([expect.objectContaining({ field: 'format', rule: 'isIn' })]);
  });
});
