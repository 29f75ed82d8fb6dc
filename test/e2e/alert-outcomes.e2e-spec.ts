/**
 * What followed a hit: the agency that acted records it on its alert
 * (arrested, located, seized, victim identified, no action, false positive),
 * one more step of the alert's life, kept on the alert and in the audit log.
 * Real intake, dedup, matching and alerting, real Kafka and Postgres.
 */
import { alertingCall, alertsOf, analystKey } from '../harness/alerting-api';
import { waitForPipelineIdle } from '../harness/pipeline';
import { loadNotices } from '../harness/reference-data';
import { createSuite, Suite } from '../harness/suite';
import { shareRecord, wantedPerson } from '../fixtures/records';

jest.setTimeout(180_000);

let suite: Suite;
let alertId: string;
let analyst: string;

beforeAll(async () => {
  suite = await createSuite('outcomes');
  await suite.start('intake', 'dedup', 'matching', 'alerting');
  await loadNotices(suite);
  analyst = await analystKey(suite, 'POL');
  const shared = await shareRecord(suite.url('intake'), await suite.agencies.key('POL'), wantedPerson());
  expect(shared.status).toBe(201);
  await waitForPipelineIdle(suite);
  [{ alertId }] = await alertsOf(suite, analyst);
});

afterAll(async () => {
  await suite?.close();
});

describe('the outcome of a hit', () => {
  it('follows an alert someone looked at, not a new one', async () => {
    const early = await alertingCall(suite, analyst, 'POST', `/v1/alerts/${alertId}/outcome`, { outcome: 'arrested' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'invalid_transition' });
  });

  it('is kept on the alert and in the audit log, and only the alert’s agency records it', async () => {
    await alertingCall(suite, analyst, 'POST', `/v1/alerts/${alertId}/triage`, {
      status: 'confirmed',
      reason: 'fingerprints agree',
    });
    const other = await analystKey(suite, 'CZE');
    expect(
      (await alertingCall(suite, other, 'POST', `/v1/alerts/${alertId}/outcome`, { outcome: 'no_action' })).status,
    ).toBe(404);
    const recorded = await alertingCall(suite, analyst, 'POST', `/v1/alerts/${alertId}/outcome`, {
      outcome: 'arrested',
      note: 'arrested at the Terespol crossing',
    });
    expect(recorded.status).toBe(200);
    expect(recorded.body.outcome).toMatchObject({ outcome: 'arrested', note: 'arrested at the Terespol crossing' });
    expect((await alertingCall(suite, analyst, 'GET', `/v1/alerts/${alertId}`)).body.outcome.outcome).toBe('arrested');

    const admin = await suite.agencies.admin();
    await suite.agencies.accepted(admin, suite.url('alerting'));
    const audit = await alertingCall(suite, admin, 'GET', '/v1/admin/audit?agency=POL&action=alert.outcome.arrested');
    expect(audit.body.entries.map((line: { detail: string }) => line.detail)).toEqual([
      expect.stringContaining('arrested at the Terespol crossing'),
    ]);
  });

  it.each([
    ['an unknown outcome', { outcome: 'escaped' }, 'outcome', 'isIn'],
    ['no outcome', { note: 'x' }, 'outcome', 'isDefined'],
    ['a note too long', { outcome: 'located', note: 'x'.repeat(1001) }, 'note', 'maxLength'],
    ['an unknown field', { outcome: 'located', reason: 'x' }, 'reason', 'unknownField'],
  ])('with %s is refused, naming the field and the rule, and changes nothing', async (_, body, field, rule) => {
    const answer = await alertingCall(suite, analyst, 'POST', `/v1/alerts/${alertId}/outcome`, body);
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toContainEqual(expect.objectContaining({ field, rule }));
    expect((await alertingCall(suite, analyst, 'GET', `/v1/alerts/${alertId}`)).body.outcome.outcome).toBe('arrested');
  });
});
