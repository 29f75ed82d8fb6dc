/**
 * Notices and diffusions, requested and reviewed: a request is checked
 * (required fields per colour, an active notice already covering the subject),
 * approved or refused with a reason by the reviewer; only an approved one is
 * published into `notices` and hits records shared before it (a retro-hit);
 * a refused one never reaches matching; a diffusion reaches its addressees
 * alone; a pilot colour's quota is enforced; a cancelled notice's alerts are
 * retracted. Real intake, dedup, matching and alerting, real Kafka and Postgres.
 */
import { randomUUID } from 'node:crypto';
import { fromBinary } from '@bufbuild/protobuf';
import { ReferenceChangedSchema } from '@crosscheck/contracts';
import { alertsOf, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { createSuite, Suite } from '../harness/suite';
import { readTopic } from '../harness/topics';
import { shareRecord } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;

beforeAll(async () => {
  suite = await createSuite('noticerequests');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
});

afterAll(async () => {
  await suite?.close();
});

async function keyOf(agency: string, roles: ('agency' | 'reviewer')[] = ['agency']): Promise<string> {
  const key = await suite.agencies.key(agency, roles);
  await suite.agencies.accepted(key, suite.url('matching'));
  return key;
}

async function call(who: string | { reviewer: string }, method: string, route: string, body?: unknown) {
  const key = typeof who === 'string' ? await keyOf(who) : await keyOf(who.reviewer, ['reviewer']);
  const response = await fetch(`${suite.url('matching')}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const REVIEWER = { reviewer: 'IPSG' };

const person = (given: string, family: string, dateOfBirth: string) => ({
  names: [{ given, family }],
  dateOfBirth,
  sex: 'male',
});

const redNotice = (subject: ReturnType<typeof person>) => ({
  type: 'notice',
  colour: 'red',
  subject,
  charges: 'armed robbery',
  legalBasis: 'arrest warrant 2026/114 of the Paris court',
});

async function shareSighting(agency: string, subject: ReturnType<typeof person>): Promise<string> {
  const shared = await shareRecord(suite.url('intake'), await suite.agencies.key(agency), {
    kind: 'person',
    externalRef: `SIGHTING-${randomUUID()}`,
    dissemination: { scope: 'all' },
    purpose: 'border-check',
    person: subject,
  });
  expect(shared.status).toBe(201);
  return shared.body.record.id;
}

async function check(agency: string, subject: ReturnType<typeof person>) {
  return (await call(agency, 'POST', '/v1/checks', { kind: 'person', person: subject })).body.hits as {
    entryId: string;
  }[];
}

async function publishedEntryIds(): Promise<string[]> {
  return (await readTopic(suite, 'reference.changed.v1')).map(
    (message) => fromBinary(ReferenceChangedSchema, message.value!).entry!.entryId,
  );
}

describe('a red notice request', () => {
  const bellini = person('Marco', 'Bellini', '1975-06-02');
  let requestId: string;
  let sightingId: string;

  it('is pending until reviewed, and meanwhile hits nothing', async () => {
    sightingId = await shareSighting('ITA', bellini);
    const requested = await call('FRA', 'POST', '/v1/notice-requests', redNotice(bellini));
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({ requester: 'FRA', colour: 'red', status: 'pending', entryId: null });
    requestId = requested.body.requestId;
    await waitForPipelineIdle(suite);
    expect(await check('ITA', bellini)).toEqual([]);
    expect(await alertsOf(suite, await analystKey(suite, 'ITA'))).toEqual([]);
    // Only the requester and the reviewer see the request.
    expect((await call('DEU', 'GET', `/v1/notice-requests/${requestId}`)).status).toBe(404);
    expect((await call(REVIEWER, 'GET', `/v1/notice-requests/${requestId}`)).body.compliance).toEqual({
      coveredBy: [],
    });
  });

  it('once approved, is published into notices and hits the record shared before it', async () => {
    expect(
      (await call('FRA', 'POST', `/v1/notice-requests/${requestId}/decision`, { decision: 'approve', reason: 'ok' }))
        .status,
    ).toBe(403);
    const approved = await call(REVIEWER, 'POST', `/v1/notice-requests/${requestId}/decision`, {
      decision: 'approve',
      reason: 'complete; ordinary criminal charges',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', entryId: `FRA:${requestId}` });
    expect(approved.body.decision).toMatchObject({ reviewer: 'IPSG', reason: 'complete; ordinary criminal charges' });
    await waitForPipelineIdle(suite);

    const [alert] = await alertsOf(suite, await analystKey(suite, 'ITA'));
    expect(alert).toMatchObject({
      recordId: sightingId,
      dataset: 'notices',
      entryId: `FRA:${requestId}`,
      noticeColour: 'red',
      level: 'hit',
    });
    expect((await check('DEU', bellini)).map((hit) => hit.entryId)).toEqual([`FRA:${requestId}`]);
    // A decision is taken once.
    expect(
      (
        await call(REVIEWER, 'POST', `/v1/notice-requests/${requestId}/decision`, {
          decision: 'refuse',
          reason: 'late',
        })
      ).body.error.code,
    ).toBe('invalid_transition');
  });

  it('for a subject an active notice of the colour already covers cannot be approved, and is refused with the reason', async () => {
    const again = await call('DEU', 'POST', '/v1/notice-requests', redNotice(person('Marco', 'Belini', '1975-06-02')));
    expect(again.status).toBe(201);
    const id = again.body.requestId;
    expect((await call(REVIEWER, 'GET', `/v1/notice-requests/${id}`)).body.compliance.coveredBy).toEqual([
      `FRA:${requestId}`,
    ]);
    const approval = await call(REVIEWER, 'POST', `/v1/notice-requests/${id}/decision`, {
      decision: 'approve',
      reason: 'ok',
    });
    expect(approval.status).toBe(409);
    expect(approval.body.error.code).toBe('subject_already_covered');
    const refused = await call(REVIEWER, 'POST', `/v1/notice-requests/${id}/decision`, {
      decision: 'refuse',
      reason: `already covered by FRA:${requestId}`,
    });
    expect(refused.body).toMatchObject({
      status: 'refused',
      decision: { reason: `already covered by FRA:${requestId}` },
    });
    expect((await call('DEU', 'GET', `/v1/notice-requests/${id}`)).body.decision.reason).toBe(
      `already covered by FRA:${requestId}`,
    );
  });

  it('cancelled by its requester after the arrest, has its alerts retracted', async () => {
    expect((await call('DEU', 'POST', `/v1/notice-requests/${requestId}/cancel`, { reason: 'x' })).status).toBe(404);
    const cancelled = await call('FRA', 'POST', `/v1/notice-requests/${requestId}/cancel`, {
      reason: 'arrested in Milan and extradited',
    });
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      cancellation: { reason: 'arrested in Milan and extradited' },
    });
    await waitForPipelineIdle(suite);
    const [alert] = await alertsOf(suite, await analystKey(suite, 'ITA'));
    expect(alert).toMatchObject({ recordId: sightingId, status: 'retracted' });
    expect(await check('ITA', bellini)).toEqual([]);
  });
});

describe('a refused request', () => {
  it('never reaches matching, and the requester learns why', async () => {
    const subject = person('Anna', 'Novak', '1990-01-15');
    const sighting = await shareSighting('AUT', subject);
    const requested = await call('CZE', 'POST', '/v1/notice-requests', {
      type: 'notice',
      colour: 'blue',
      subject,
      reason: 'member of an opposition party',
      legalBasis: 'none given',
    });
    const id = requested.body.requestId;
    const refused = await call(REVIEWER, 'POST', `/v1/notice-requests/${id}/decision`, {
      decision: 'refuse',
      reason: 'the request is of a predominantly political character',
      forbiddenGround: 'political',
    });
    expect(refused.body).toMatchObject({
      status: 'refused',
      entryId: null,
      decision: { forbiddenGround: 'political' },
    });
    await waitForPipelineIdle(suite);
    expect(await publishedEntryIds()).not.toContain(`CZE:${id}`);
    expect(await check('AUT', subject)).toEqual([]);
    expect((await alertsOf(suite, await analystKey(suite, 'AUT'))).map((a) => a.recordId)).not.toContain(sighting);
    const mine = await call('CZE', 'GET', '/v1/notice-requests?status=refused');
    expect(mine.body.requests.map((r: { requestId: string }) => r.requestId)).toEqual([id]);
    expect(mine.body.requests[0].decision.reason).toBe('the request is of a predominantly political character');
  });
});

describe('a diffusion', () => {
  it('reaches only the agencies it names; others learn of a hit and whom to contact, nothing more', async () => {
    const weber = person('Jonas', 'Weber', '1982-11-23');
    const toAustria = await shareSighting('AUT', weber);
    const toNetherlands = await shareSighting('NLD', weber);
    const requested = await call('DEU', 'POST', '/v1/notice-requests', {
      ...redNotice(weber),
      type: 'diffusion',
      addressees: ['aut'],
    });
    expect(requested.body).toMatchObject({ type: 'diffusion', addressees: ['AUT'] });
    await call(REVIEWER, 'POST', `/v1/notice-requests/${requested.body.requestId}/decision`, {
      decision: 'approve',
      reason: 'ok',
    });
    await waitForPipelineIdle(suite);
    const entryId = `DEU:${requested.body.requestId}`;
    expect((await check('AUT', weber)).map((hit) => hit.entryId)).toEqual([entryId]);
    // Outside its addressees a diffusion answers hit/no-hit, as notices do unless the requester says hidden.
    const outside = await check('NLD', weber);
    expect(outside).toEqual([expect.objectContaining({ access: 'hit-no-hit', dataset: 'notices', owner: 'DEU' })]);
    expect(JSON.stringify(outside)).not.toMatch(/Weber|1982|entryId/);
    // A check's hits reach alerting through the outbox and Kafka, after its answer.
    await waitForPipelineIdle(suite);
    const austria = await alertsOf(suite, await analystKey(suite, 'AUT'));
    // AUT's shared record, and AUT's own instant check (a hit notice, like any check's hit).
    const onEntry = austria.filter((a) => a.entryId === entryId);
    expect(onEntry.filter((a) => a.record?.purpose !== 'instant-check').map((a) => a.recordId)).toEqual([toAustria]);
    expect(onEntry.filter((a) => a.record?.purpose === 'instant-check').map((a) => a.kind)).toEqual(['hit_notice']);
    const netherlands = await alertsOf(suite, await analystKey(suite, 'NLD'));
    expect(netherlands.map((a) => a.entryId)).not.toContain(entryId);
    expect(netherlands.filter((a) => a.recordId === toNetherlands).map((a) => a.kind)).toEqual(['hit_no_hit']);
  });

  it('stays silent outside its addressees when the requester asks for hidden', async () => {
    const novak = person('Petra', 'Novakova', '1979-04-02');
    const toPoland = await shareSighting('POL', novak);
    const requested = await call('DEU', 'POST', '/v1/notice-requests', {
      ...redNotice(novak),
      type: 'diffusion',
      addressees: ['AUT'],
      outside: 'hidden',
    });
    await call(REVIEWER, 'POST', `/v1/notice-requests/${requested.body.requestId}/decision`, {
      decision: 'approve',
      reason: 'ok',
    });
    await waitForPipelineIdle(suite);
    expect(await check('POL', novak)).toEqual([]);
    const poland = await alertsOf(suite, await analystKey(suite, 'POL'));
    expect(poland.map((a) => a.recordId)).not.toContain(toPoland);
  });
});

describe('a silver-notice pilot', () => {
  const silver = (n: number) => ({
    type: 'notice',
    colour: 'silver',
    subject: person('Viktor', `Holder${n}`, '1970-01-01'),
    charges: 'laundering the proceeds of fraud',
    assets: ['villa at Marbella, land register 44/1020', 'account ES91 2100 0418 4502 0005 1332'],
    legalBasis: 'confiscation order 77/2026',
  });

  it('gives each participating agency an equal share of the total, and refuses a request beyond it', async () => {
    expect(
      (await call('FRA', 'PUT', '/v1/notice-quotas/silver', { total: 2, participants: ['ESP', 'PRT'] })).status,
    ).toBe(403);
    const set = await call(REVIEWER, 'PUT', '/v1/notice-quotas/silver', { total: 3, participants: ['esp', 'PRT'] });
    expect(set.body).toEqual({ colour: 'silver', total: 3, participants: ['ESP', 'PRT'] });

    expect((await call('ESP', 'POST', '/v1/notice-requests', silver(1))).status).toBe(201);
    const beyond = await call('ESP', 'POST', '/v1/notice-requests', silver(2));
    expect(beyond.status).toBe(409);
    expect(beyond.body.error).toMatchObject({
      code: 'quota_exceeded',
      message: "ESP's share of silver notices is 1 (3 shared by 2 agencies), and 1 are requested or published",
    });
    const outsider = await call('GBR', 'POST', '/v1/notice-requests', silver(3));
    expect(outsider.status).toBe(409);
    expect(outsider.body.error.message).toContain('GBR does not take part');
    expect((await call('PRT', 'POST', '/v1/notice-requests', silver(4))).status).toBe(201);
    expect((await call('ESP', 'GET', '/v1/notice-quotas')).body.quotas).toEqual([
      { colour: 'silver', total: 3, participants: ['ESP', 'PRT'], share: 1, used: 1 },
    ]);
    // A diffusion is not a notice: the pilot's quota does not count it.
    expect(
      (await call('ESP', 'POST', '/v1/notice-requests', { ...silver(5), type: 'diffusion', addressees: ['PRT'] }))
        .status,
    ).toBe(201);
  });
});

describe('bad input', () => {
  const good = redNotice(person('Bad', 'Input', '1980-01-01'));
  it.each([
    ['red without charges', 'FRA', { ...good, charges: undefined }, 400, 'charges', 'requiredForColour'],
    [
      'red without a birth date',
      'FRA',
      { ...good, subject: { names: [{ family: 'Input' }] } },
      400,
      'subject.dateOfBirth',
      'requiredForColour',
    ],
    ['yellow without a reason', 'FRA', { ...good, colour: 'yellow' }, 400, 'reason', 'requiredForColour'],
    [
      'black without distinguishing marks',
      'FRA',
      { ...good, colour: 'black', reason: 'body found' },
      400,
      'subject.distinguishingMarks',
      'requiredForColour',
    ],
    ['silver without assets', 'FRA', { ...good, colour: 'silver' }, 400, 'assets', 'requiredForColour'],
    ['no legal basis', 'FRA', { ...good, legalBasis: undefined }, 400, 'legalBasis', undefined],
    ['an unknown colour', 'FRA', { ...good, colour: 'pink' }, 400, 'colour', 'isIn'],
    ['an unknown type', 'FRA', { ...good, type: 'memo' }, 400, 'type', 'isIn'],
    ['an unknown outside policy', 'FRA', { ...good, outside: 'shown' }, 400, 'outside', 'isIn'],
    ['a diffusion without addressees', 'FRA', { ...good, type: 'diffusion' }, 400, 'addressees', undefined],
    ['a notice with addressees', 'FRA', { ...good, addressees: ['DEU'] }, 400, 'addressees', 'onlyForDiffusion'],
    [
      'a diffusion to an agency that does not exist',
      'FRA',
      { ...good, type: 'diffusion', addressees: ['DEU', 'NOWHERE-1'] },
      400,
      'addressees[1]',
      'knownAgency',
    ],
    [
      'a subject without names',
      'FRA',
      { ...good, subject: { dateOfBirth: '1980-01-01' } },
      400,
      'subject.names',
      undefined,
    ],
    ['an unknown field', 'FRA', { ...good, priority: 'high' }, 400, 'priority', 'unknownField'],
    [
      'a UN special notice from an agency',
      'FRA',
      { ...good, colour: 'un', reason: 'sanctions' },
      403,
      undefined,
      undefined,
    ],
  ])('a request with %s is refused and stores nothing', async (_, agency, body, status, field, rule) => {
    const before = (await call(agency, 'GET', '/v1/notice-requests')).body.requests.length;
    const answer = await call(agency, 'POST', '/v1/notice-requests', body);
    expect(answer.status).toBe(status);
    if (field)
      expect(answer.body.error.details).toContainEqual(expect.objectContaining({ field, ...(rule ? { rule } : {}) }));
    expect((await call(agency, 'GET', '/v1/notice-requests')).body.requests).toHaveLength(before);
  });

  it.each([
    ['an unknown decision', { decision: 'maybe', reason: 'x' }, 'decision', 'isIn'],
    ['no reason', { decision: 'refuse' }, 'reason', undefined],
    [
      'an unknown forbidden ground',
      { decision: 'refuse', reason: 'x', forbiddenGround: 'tax' },
      'forbiddenGround',
      'isIn',
    ],
    [
      'a forbidden ground on an approval',
      { decision: 'approve', reason: 'x', forbiddenGround: 'racial' },
      'forbiddenGround',
      'onlyWhenRefused',
    ],
  ])('a decision with %s is refused and decides nothing', async (_, decision, field, rule) => {
    const { requestId } = (await call('BEL', 'POST', '/v1/notice-requests', good)).body;
    const answer = await call(REVIEWER, 'POST', `/v1/notice-requests/${requestId}/decision`, decision);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toContainEqual(expect.objectContaining({ field, ...(rule ? { rule } : {}) }));
    expect((await call('BEL', 'GET', `/v1/notice-requests/${requestId}`)).body.status).toBe('pending');
  });
});
