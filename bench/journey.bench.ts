/**
 * `npm run bench:journey`: how fast the console answers an operator's
 * `GET /v1/admin/journey` with 1,000,000 records present in every table a
 * journey reads.
 *
 * 1. Starts (or reuses) Kafka and Postgres, makes a fresh database and topic
 *    prefix, starts intake, dedup, matching and alerting (each migrates its
 *    schema) and the console from dist/.
 * 2. Fills each service's own tables as the pipeline would have left them for
 *    --records records (default 1,000,000): intake's records and their
 *    `record.share` audit lines (hash-chained, as intake writes them), dedup's
 *    entities and members, matching's checked records, and for --hit-share of
 *    them a match and an alert with a webhook delivery. Written with SQL
 *    rather than through the API: the pipeline would take hours for a million
 *    records on a small machine, and the journey reads only these rows.
 * 3. Asks for --journeys journeys (1,000) of records drawn at random, one at a
 *    time and then --concurrency (4) at a time, by agency and external
 *    reference, with an operator key, as an operator's tool would; each answer
 *    is checked to be complete (its last step is the check or the alert).
 * 4. Writes bench/results/journey.json: p50/p95/p99 per phase; goal p99 < 200 ms.
 */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { auditLineHash, GENESIS_HASH, type ChainedAuditFields } from '@crosscheck/auth';
import { Agencies, startServiceProcess } from '@crosscheck/infra';
import { Client } from 'pg';
import { log, openBenchEnvironment, requireBuild, runBenchmark } from './lib/environment';
import { benchOptions } from './lib/options';
import { machineInfo, printReport, writeReport } from './lib/report';
import { round, summarize } from './lib/stats';

const { number: numberOption } = benchOptions();
const P = {
  records: Math.round(numberOption('records', 1_000_000)),
  hitShare: numberOption('hit-share', 0.1),
  journeys: Math.round(numberOption('journeys', 1_000)),
  concurrency: Math.round(numberOption('concurrency', 4)),
};
const OWNER = 'BENCH';
const CHUNK = 50_000;
const P99_GOAL_MS = 200;

/** A version-4 shaped uuid from a seed, as the services' ids are (they refuse ids that are not). */
const uuidSql = (seed: string) =>
  `(SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' ||
            substr(h, 21, 12))::uuid FROM md5(${seed}) AS h)`;
/** The id of synthetic record i, the same in every service's tables. */
const recordIdSql = (i: string) => uuidSql(`'record-' || ${i}`);
const entityIdSql = (i: string) => uuidSql(`'entity-' || ${i}`);

async function fillIntake(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO intake.records (record_id, owner, external_ref, kind, version, content, content_hash, dissemination,
                                 reported_at, expires_at, created_at, updated_at)
     SELECT ${recordIdSql('i')}, $1, 'B-' || i, 'person', 1, '{}', md5(i::text), '{"scope":"all"}',
            now(), now() + interval '5 years', now(), now()
       FROM generate_series(1, $2) AS i`,
    [OWNER, P.records],
  );
  // The audit lines intake writes when it accepts a record, chained on from the log's newest line.
  await db.query('BEGIN');
  await db.query("SELECT pg_advisory_xact_lock(hashtext('crosscheck.audit.intake'))");
  const [head] = (await db.query('SELECT id, hash FROM intake.audit_log ORDER BY id DESC LIMIT 1')).rows;
  let prevHash: string = head?.hash ?? GENESIS_HASH;
  let id = BigInt(head?.id ?? 0);
  const ids = (
    await db.query(`SELECT ${recordIdSql('i')}::text AS id FROM generate_series(1, $1) AS i ORDER BY i`, [P.records])
  ).rows.map((row: { id: string }) => row.id);
  const started = Date.now() - P.records;
  for (let first = 0; first < ids.length; first += CHUNK) {
    const columns: unknown[][] = [[], [], [], [], [], []];
    for (const recordId of ids.slice(first, first + CHUNK)) {
      id += 1n;
      const at = new Date(started + Number(id)).toISOString().replace('Z', '000Z');
      const line: ChainedAuditFields = {
        id: String(id),
        at,
        agency: OWNER,
        keyId: 'bench',
        action: 'record.share',
        recordIds: [recordId],
        outcome: 'ok',
        status: 201,
        traceId: randomBytes(16).toString('hex'),
        detail: null,
      };
      const hash = auditLineHash(prevHash, line);
      [line.id, line.at, recordId, line.traceId, prevHash, hash].forEach((value, column) =>
        columns[column].push(value),
      );
      prevHash = hash;
    }
    await db.query(
      `INSERT INTO intake.audit_log (id, at, agency, key_id, action, record_ids, outcome, status, trace_id, detail, prev_hash, hash)
       SELECT l.id, l.at, $7, 'bench', 'record.share', ARRAY[l.record_id], 'ok', 201, l.trace_id, NULL, l.prev_hash, l.hash
         FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[])
              AS l(id, at, record_id, trace_id, prev_hash, hash)`,
      [...columns, OWNER],
    );
  }
  await db.query(`SELECT setval(pg_get_serial_sequence('intake.audit_log', 'id'), $1)`, [String(id)]);
  await db.query('COMMIT');
}

async function fillDedup(db: Client): Promise<void> {
  await db.query(
    `INSERT INTO dedup.entities (entity_id, kind) SELECT ${entityIdSql('i')}, 'person' FROM generate_series(1, $1) AS i`,
    [P.records],
  );
  await db.query(
    `INSERT INTO dedup.entity_members (record_id, entity_id, owner, record_version, facts, kind, decision)
     SELECT ${recordIdSql('i')}, ${entityIdSql('i')}, $1, 1, '{}', 'person', 'new_entity'
       FROM generate_series(1, $2) AS i`,
    [OWNER, P.records],
  );
}

async function fillMatching(db: Client, hits: number): Promise<void> {
  await db.query(
    `INSERT INTO matching.checked_records (record_id, entity_id, version, kind, owner, dissemination, facts, record)
     SELECT ${recordIdSql('i')}, ${entityIdSql('i')}, 1, 'person', $1, '{"scope":"all"}', '{}', ''::bytea
       FROM generate_series(1, $2) AS i`,
    [OWNER, P.records],
  );
  await db.query(
    `INSERT INTO matching.matches (entity_id, dataset, entry_id, match_id, record_id, score, level, features, dataset_version)
     SELECT ${entityIdSql('i')}, 'notices', 'RN-' || i, ${uuidSql("'match-' || i")}, ${recordIdSql('i')}, 0.95, 'hit', '[]', 1
       FROM generate_series(1, $1) AS i`,
    [hits],
  );
}

async function fillAlerting(db: Client, hits: number): Promise<void> {
  await db.query(
    `INSERT INTO alerting.alerts (alert_id, agency, match_id, entity_id, record_id, record_owner, dataset, entry_id,
                                  entry_owner, score, level, features, live_match_ids)
     SELECT ${uuidSql("'alert-' || i")}, $1, ${uuidSql("'match-' || i")}, ${entityIdSql('i')}, ${recordIdSql('i')}, $1,
            'notices', 'RN-' || i, 'IPSG', 0.95, 'hit', '[]', ARRAY[${uuidSql("'match-' || i")}]
       FROM generate_series(1, $2) AS i`,
    [OWNER, hits],
  );
}

async function timeJourneys(
  consoleUrl: string,
  key: string,
  count: number,
  concurrency: number,
): Promise<{ latencies: number[]; incomplete: number; seconds: number; firstIncomplete?: string }> {
  const latencies: number[] = [];
  let incomplete = 0;
  let firstIncomplete: string | undefined;
  const began = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const i = 1 + Math.floor(Math.random() * P.records);
      const started = performance.now();
      const response = await fetch(`${consoleUrl}/v1/admin/journey?agency=${OWNER}&externalRef=B-${i}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      const body = (await response.json()) as { steps?: { step: string }[]; waiting?: unknown };
      latencies.push(performance.now() - started);
      const last = body.steps?.at(-1)?.step;
      if (response.status !== 200 || body.waiting !== null || (last !== 'checked' && last !== 'alert_raised')) {
        incomplete++;
        firstIncomplete ??= `${response.status} ${JSON.stringify(body).slice(-500)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, incomplete, seconds: (performance.now() - began) / 1000, firstIncomplete };
}

void runBenchmark(async (context) => {
  requireBuild('intake', 'dedup', 'matching', 'alerting');
  const machine = machineInfo();
  const startedAt = new Date();
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

  const db = new Client({ connectionString: environment.databaseUrl });
  await db.connect();
  context.defer('close database client', () => db.end());
  const hits = Math.round(P.records * P.hitShare);
  const fillStarted = Date.now();
  log(`filling ${P.records.toLocaleString('en')} records (${hits.toLocaleString('en')} with an alert)...`);
  await fillIntake(db);
  log(`  intake done after ${((Date.now() - fillStarted) / 1000).toFixed(0)} s`);
  await fillDedup(db);
  await fillMatching(db, hits);
  await fillAlerting(db, hits);
  for (const schema of ['intake', 'dedup', 'matching', 'alerting']) await db.query(`ANALYZE ${schema}.audit_log`);
  await db.query(
    'ANALYZE intake.records, dedup.entity_members, matching.checked_records, matching.matches, alerting.alerts',
  );
  const fillSeconds = (Date.now() - fillStarted) / 1000;
  log(`filled in ${fillSeconds.toFixed(0)} s`);

  await timeJourneys(consoleServer.url, operatorKey, 50, 1); // warm-up
  const sequential = await timeJourneys(consoleServer.url, operatorKey, P.journeys, 1);
  const parallel = await timeJourneys(consoleServer.url, operatorKey, P.journeys, P.concurrency);
  const one = summarize(sequential.latencies);
  const many = summarize(parallel.latencies);
  const { report, file } = writeReport({
    name: 'journey',
    machine,
    startedAt,
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
      'Rows written with SQL as the pipeline leaves them; intake audit lines hash-chained like the service writes them.',
    ],
  });
  printReport(report, log);
  log(`report: ${path.relative(process.cwd(), file)}`);
});
