/**
 * `npm run bench:journey`: how fast the console answers an operator's
 * `GET /v1/admin/journey` with --records (1,000,000) records in every table a
 * journey reads, filled by each service's seed module as the pipeline would
 * have left them (intake's records and hash-chained audit lines, dedup's
 * entities, matching's checked records, and for --hit-share of them a match
 * and an alert). --journeys (1,000) of random records, one at a time, then
 * --concurrency (4) at a time; each answer must be complete. Goal p99 < 200 ms.
 */
import { Agencies, startServiceProcess } from '@crosscheck/infra';
import { seedNoticeAlerts } from '../apps/alerting/src/persistence/alerts.seed';
import { seedBareEntities } from '../apps/dedup/src/persistence/entities.seed';
import { seedSharedRecords } from '../apps/intake/src/persistence/records.seed';
import { seedCheckedRecords, seedNoticeHits } from '../apps/matching/src/persistence/matching.seed';
import { openBenchEnvironment, runBenchmark } from './lib/environment';
import { getJson } from './lib/http';
import { closedLoop } from './lib/open-loop';
import { benchOptions } from './lib/options';
import { round, summarize } from './lib/stats';
import { numberChunks, syntheticId } from './lib/synthetic-ids';

const { number: numberOption } = benchOptions();
const P = {
  records: Math.round(numberOption('records', 1_000_000)),
  hitShare: numberOption('hit-share', 0.1),
  journeys: Math.round(numberOption('journeys', 1_000)),
  concurrency: Math.round(numberOption('concurrency', 4)),
};
const OWNER = 'BENCH';
const P99_GOAL_MS = 200;

void runBenchmark(['intake', 'dedup', 'matching', 'alerting'], async (context) => {
  const environment = await openBenchEnvironment('journey', context);
  const services = {
    intake: await environment.startService('intake'),
    dedup: await environment.startService('dedup'),
    matching: await environment.startService('matching'),
    alerting: await environment.startService('alerting'),
  };
  const consoleServer = await startServiceProcess('console', {
    logGroup: 'bench',
    env: {
      INTAKE_URL: services.intake.url,
      DEDUP_URL: services.dedup.url,
      MATCHING_URL: services.matching.url,
      ALERTING_URL: services.alerting.url,
    },
  });
  context.defer('stop console', () => consoleServer.stop());
  const agencies = new Agencies(environment.databaseUrl, () => services.intake.url);
  await agencies.key(OWNER);
  const operatorKey = await agencies.key('OPS', ['operator']);
  for (const service of [services.dedup, services.matching, services.alerting])
    await agencies.accepted(operatorKey, service.url, 120_000);

  const db = await environment.connect();
  const hits = Math.round(P.records * P.hitShare);
  const fillStarted = Date.now();
  await context.phase(
    `seed ${P.records} records (${hits} with an alert) through each service's seed module`,
    async () => {
      for (const chunk of numberChunks(0, P.records)) {
        const recordId = chunk.map((i) => syntheticId('record', i));
        const entityId = chunk.map((i) => syntheticId('entity', i));
        await seedSharedRecords(db, { owner: OWNER, recordId, externalRef: chunk.map((i) => `B-${i}`) });
        await seedBareEntities(db, { owner: OWNER, recordId, entityId });
        await seedCheckedRecords(db, { owner: OWNER, recordId, entityId });
        const hit = chunk.flatMap((i, k) => (i <= hits ? [k] : []));
        if (hit.length === 0) continue;
        const matchId = hit.map((k) => syntheticId('match', chunk[k]));
        const rows = { matchId, recordId: hit.map((k) => recordId[k]), entityId: hit.map((k) => entityId[k]) };
        const entryId = hit.map((k) => `RN-${chunk[k]}`);
        await seedNoticeHits(db, { ...rows, entryId });
        await seedNoticeAlerts(db, {
          ...rows,
          entryId,
          agency: OWNER,
          alertId: hit.map((k) => syntheticId('alert', chunk[k])),
        });
      }
      for (const schema of ['intake', 'dedup', 'matching', 'alerting']) await db.query(`ANALYZE ${schema}.audit_log`);
      await db.query(
        'ANALYZE intake.records, dedup.entity_members, matching.checked_records, matching.matches, alerting.alerts',
      );
    },
  );
  const fillSeconds = (Date.now() - fillStarted) / 1000;

  const ask = (count: number, concurrency: number) => timeJourneys(consoleServer.url, operatorKey, count, concurrency);
  await context.phase('warm-up', () => ask(50, 1));
  const sequential = await context.phase(`${P.journeys} journeys one at a time`, () => ask(P.journeys, 1));
  const parallel = await context.phase(`${P.journeys} journeys ${P.concurrency} at a time`, () =>
    ask(P.journeys, P.concurrency),
  );
  const one = summarize(sequential.latencies);
  const many = summarize(parallel.latencies);
  context.report({
    name: 'journey',
    parameters: P,
    figures: {
      records: P.records,
      records_with_alert: hits,
      fill_s: round(fillSeconds, 0),
      journey_p50_ms: round(one.p50),
      journey_p95_ms: round(one.p95),
      journey_p99_ms: round(one.p99),
      journey_max_ms: round(one.max),
      [`journey_c${P.concurrency}_p50_ms`]: round(many.p50),
      [`journey_c${P.concurrency}_p99_ms`]: round(many.p99),
      [`journey_c${P.concurrency}_per_s`]: round(many.count / parallel.seconds, 0),
      incomplete_answers: sequential.incomplete + parallel.incomplete,
    },
    goals: {
      journey_p99: { target: `journey_p99_ms < ${P99_GOAL_MS}`, met: one.p99 < P99_GOAL_MS },
      complete: { target: 'incomplete_answers = 0', met: sequential.incomplete + parallel.incomplete === 0 },
    },
    notes: [
      ...[sequential.firstIncomplete, parallel.firstIncomplete].flatMap((body) =>
        body ? [`incomplete: ${body}`] : [],
      ),
      'Through the console: intake, then dedup, then matching and alerting at once, each reading its own tables and auditing the read.',
      "Rows written by each service's seed module as the pipeline leaves them; intake's audit lines hash-chained as the service writes them.",
    ],
  });
});

async function timeJourneys(
  consoleUrl: string,
  key: string,
  count: number,
  concurrency: number,
): Promise<{ latencies: number[]; incomplete: number; seconds: number; firstIncomplete?: string }> {
  let incomplete = 0;
  let firstIncomplete: string | undefined;
  const records = Array.from({ length: count }, () => 1 + Math.floor(Math.random() * P.records));
  const run = await closedLoop(records, concurrency, async (i) => {
    const journey = `${consoleUrl}/v1/admin/journey?agency=${OWNER}&externalRef=B-${i}`;
    const { status, body } = await getJson<{ steps: { step: string }[]; waiting: unknown }>(journey, key);
    const last = body.steps?.at(-1)?.step;
    if (status !== 200 || body.waiting !== null || (last !== 'checked' && last !== 'alert_raised')) {
      incomplete++;
      firstIncomplete ??= `${status} ${JSON.stringify(body).slice(-500)}`;
    }
  });
  return { ...run, incomplete, firstIncomplete };
}
