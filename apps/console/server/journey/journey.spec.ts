import { AlertingPart, assembleJourney, consumerLagOf, DedupPart, IntakePart, MatchingPart } from './journey';

const ZIPKIN = 'http://zipkin/zipkin';
const TRACE = 'a'.repeat(32);
const intake: IntakePart = {
  record: {
    recordId: 'r1',
    owner: 'FRA',
    externalRef: 'FR-1',
    kind: 'person',
    version: 1,
    createdAt: '2026-12-06T10:00:00.000Z',
    withdrawnAt: null,
  },
  changes: [{ action: 'record.share', at: '2026-12-06T10:00:00.000Z', traceId: TRACE }],
  outbox: { pending: 0, oldestAt: null, topics: [] },
};
const dedup: DedupPart = {
  entityId: 'e1',
  decision: 'new_entity',
  score: 0,
  recordVersion: 1,
  resolvedAt: '2026-12-06T10:00:00.040Z',
};
const matching: MatchingPart = {
  entityId: 'e1',
  recordVersion: 1,
  checkedAt: '2026-12-06T10:00:00.100Z',
  datasets: [{ dataset: 'notices', version: 1 }],
  findings: [
    { matchId: 'm1', dataset: 'notices', entryId: 'RN-1', level: 'hit', score: 1, foundAt: '2026-12-06T10:00:00.100Z' },
  ],
};
const alert: AlertingPart['alerts'][number] = {
  alertId: 'a1',
  agency: 'FRA',
  kind: 'hit_notice',
  level: 'hit',
  dataset: 'notices',
  entryId: 'RN-1',
  status: 'new',
  raisedAt: '2026-12-06T10:00:00.250Z',
  retractedAt: null,
  traceId: TRACE,
  webhookDeliveries: { pending: 0, delivered: 1, dead: 0, lastDeliveredAt: '2026-12-06T10:00:00.300Z' },
};

describe('a record’s journey', () => {
  it('lists every step with the time since the one before and the trace link', () => {
    const journey = assembleJourney(
      { intake, dedup, matching, alerting: { alerts: [alert], deadLetters: [] } },
      ZIPKIN,
    );
    expect(journey.waiting).toBeNull();
    expect(journey.steps.map((step) => [step.step, step.durationMs])).toEqual([
      ['accepted', null],
      ['published', null],
      ['resolved', 40],
      ['checked', 60],
      ['alert_raised', 150],
    ]);
    expect(new Set(journey.steps.map((step) => step.traceUrl))).toEqual(new Set([`${ZIPKIN}/traces/${TRACE}`]));
  });

  it('shows a retraction after the alert it retracts', () => {
    const retracted = { ...alert, retractedAt: '2026-12-06T11:00:00.000Z' };
    const journey = assembleJourney(
      { intake, dedup, matching, alerting: { alerts: [retracted], deadLetters: [] } },
      ZIPKIN,
    );
    expect(journey.steps.slice(-2).map((step) => step.step)).toEqual(['alert_raised', 'alert_retracted']);
  });

  it.each([
    [
      'in the outbox',
      { intake: { ...intake, outbox: { pending: 2, oldestAt: '2026-12-06T10:00:00.000Z', topics: [] } } },
      { step: 'published', where: 'outbox', service: 'intake', pending: 2, since: '2026-12-06T10:00:00.000Z' },
    ],
    [
      'behind dedup',
      { intake, consumer: () => ({ service: 'dedup', ready: true, lag: [{ partition: 1, lag: 7 }] }) },
      {
        step: 'resolved',
        where: 'consumer',
        service: 'dedup',
        topic: 'records.received.v1',
        ready: true,
        lag: [{ partition: 1, lag: 7 }],
      },
    ],
    [
      'behind an older version at dedup',
      { intake: { ...intake, record: { ...intake.record, version: 2 } }, dedup },
      { step: 'resolved', where: 'consumer', service: 'dedup', topic: 'records.received.v1', ready: false, lag: [] },
    ],
    [
      'in a dead letter of matching',
      {
        intake,
        dedup,
        alerting: {
          alerts: [],
          deadLetters: [
            {
              deadLetterId: '9',
              topic: 'records.resolved.v1',
              partition: 0,
              status: 'pending',
              failedAt: '2026-12-06T10:00:01.000Z',
              error: 'boom',
            },
          ],
        },
      },
      {
        step: 'checked',
        where: 'dead_letter',
        service: 'matching',
        topic: 'records.resolved.v1',
        deadLetterId: '9',
        error: 'boom',
        since: '2026-12-06T10:00:01.000Z',
      },
    ],
    [
      'behind alerting',
      { intake, dedup, matching, alerting: { alerts: [], deadLetters: [] } },
      {
        step: 'alert_raised',
        where: 'consumer',
        service: 'alerting',
        topic: 'matches.found.v1',
        ready: false,
        lag: [],
      },
    ],
  ])('says where a record waits %s', (_, parts, waiting) => {
    expect(assembleJourney(parts, ZIPKIN).waiting).toEqual(waiting);
  });

  it('ends at the check when nothing was found', () => {
    const journey = assembleJourney({ intake, dedup, matching: { ...matching, findings: [] } }, ZIPKIN);
    expect(journey.waiting).toBeNull();
    expect(journey.steps.at(-1)?.step).toBe('checked');
  });
});

describe('consumer lag from Prometheus text', () => {
  it('reads the lag of each partition of one topic', () => {
    const metrics = [
      '# HELP crosscheck_consumer_lag Messages behind',
      'crosscheck_consumer_lag{topic="records.received.v1",partition="2"} 5',
      'crosscheck_consumer_lag{topic="records.received.v1",partition="0"} 0',
      'crosscheck_consumer_lag{topic="records.withdrawn.v1",partition="0"} 3',
    ].join('\n');
    expect(consumerLagOf(metrics, 'records.received.v1')).toEqual([
      { partition: 0, lag: 0 },
      { partition: 2, lag: 5 },
    ]);
  });
});
