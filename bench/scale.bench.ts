/**
 * `npm run bench:scale`: several instances of dedup and matching in one consumer group each give
 * the same entities and alerts as one instance, on topics of 12 partitions.
 *
 * For each setting of --instances (1, then 3), a fresh database and topics: intake, N dedup, N
 * matching and one alerting; notices whose subjects are --hit-share of the originals; an analyst of
 * agency A subscribed to notice hits. Then --pairs duplicate pairs of test/data/generator (each
 * original with one corrupted duplicate): A shares the originals and B the duplicates through the
 * batch API, batch n of both at the same moment, so the two halves of a pair reach dedup at the same
 * instant on different partitions, often at different instances. Once alerting has consumed
 * everything: pairwise precision, recall and F1 of dedup's entities (label: the original), records
 * without an entity, notice hits without an alert, alerts beyond one per (agency, subscription,
 * notice, person), Postgres deadlocks in the bench database, records/s and CPU per instance.
 *
 * Options: --pairs N (5000) --hit-share F (0.1) --instances 1,3 --report NAME (scale)
 *   --own-kafka (a private broker on 19192 rather than the shared one)
 */
import { Agencies, type ServiceName, type ServiceProcess } from '@crosscheck/infra';
import type { Client } from 'pg';
import { generatePersons, type LabelledRecord } from '../test/data/generator';
import { referenceEntry, type NoticeEntry } from '../test/data/reference-generator';
import { log, openBenchEnvironment, QUIET_SERVICE, runBenchmark } from './lib/environment';
import { postJson } from './lib/http';
import { benchOptions } from './lib/options';
import { pairwiseQuality } from './lib/pairwise-quality';
import { waitForPipeline } from './lib/pipeline-progress';
import { processCpuSeconds, servicePids } from './lib/process-stats';
import { loadReferenceEntries } from './lib/reference-loads';
import type { Goal } from './lib/report';
import { entityOfRecords, shareThroughIntake } from './lib/share-and-resolve';
import { round } from './lib/stats';

const PARTITIONS = 12;
const options = benchOptions();
const P = {
  pairs: Math.round(options.number('pairs', 5_000)),
  hitShare: options.number('hit-share', 0.1),
  instances: options.wholeNumbers('instances', '1,3', PARTITIONS),
  reportName: options.string('report', 'scale'),
  ownKafka: options.flag('own-kafka'),
  seed: 20261206,
  batch: 500,
  stallMs: 5 * 60_000,
};
if (!Number.isInteger(P.pairs) || P.pairs < 1) throw new Error('--pairs must be a whole number ≥ 1');
if (!(P.hitShare > 0 && P.hitShare <= 1)) throw new Error('--hit-share must be above 0 and at most 1');

const [AGENCY_A, AGENCY_B] = ['FRA', 'DEU'];
const F1_TOLERANCE = 0.002;
const SERVICES: ServiceName[] = ['intake', 'dedup', 'matching', 'alerting'];
const SCALED: ServiceName[] = ['dedup', 'matching'];

interface Pair {
  label: string;
  original: LabelledRecord;
  duplicate: LabelledRecord;
  notice?: NoticeEntry;
}

void runBenchmark(SERVICES, async (context) => {
  const pairs = duplicatePairs();
  const notices = pairs.flatMap((pair) => (pair.notice ? [pair.notice] : []));
  log(
    `${pairs.length} pairs (${AGENCY_A} the originals, ${AGENCY_B} the duplicates), ${notices.length} of them notice subjects; ` +
      `${PARTITIONS} partitions; settings: ${P.instances.map((n) => `${n} dedup + ${n} matching`).join(', then ')}; ` +
      `load average ${context.machine.load_average_at_start.join(' ')}`,
  );

  const figures: Record<string, number> = {};
  const goals: Record<string, Goal> = {};
  /** The pairs each setting left in two entities. */
  const splitBy = new Map<number, Set<string>>();
  for (const instances of P.instances) {
    const { figures: found, split } = await context.phase(`${instances} instance(s) of dedup and matching`, () =>
      runSetting(instances),
    );
    splitBy.set(instances, split);
    const prefix = `x${instances}_`;
    for (const [name, value] of Object.entries(found)) figures[`${prefix}${name}`] = value;
    goals[`${prefix}deadlocks`] = { target: '= 0', met: found.deadlocks === 0 };
    goals[`${prefix}records_without_entity`] = { target: '= 0', met: found.records_without_entity === 0 };
    goals[`${prefix}notice_hits_without_alert`] = { target: '= 0', met: found.notice_hits_without_alert === 0 };
    goals[`${prefix}duplicate_alerts`] = { target: '= 0', met: found.duplicate_alerts === 0 };
  }
  const [baseline, ...others] = P.instances;
  for (const instances of others) {
    const delta = round(Math.abs(figures[`x${instances}_f1`] - figures[`x${baseline}_f1`]), 4);
    figures[`x${instances}_f1_delta_vs_x${baseline}`] = delta;
    goals[`x${instances}_f1_delta_vs_x${baseline}`] = { target: `<= ${F1_TOLERANCE}`, met: delta <= F1_TOLERANCE };
    const onlyHere = [...splitBy.get(instances)!].filter((label) => !splitBy.get(baseline)!.has(label));
    const onlyThere = [...splitBy.get(baseline)!].filter((label) => !splitBy.get(instances)!.has(label));
    figures[`x${instances}_pairs_split_not_by_x${baseline}`] = onlyHere.length;
    figures[`x${baseline}_pairs_split_not_by_x${instances}`] = onlyThere.length;
    log(
      `pairs split by ${instances} instances and not by ${baseline}: ${onlyHere.join(', ') || 'none'}; the other way: ${onlyThere.join(', ') || 'none'}`,
    );
  }
  context.report({
    name: P.reportName,
    parameters: {
      pairs: P.pairs,
      hit_share: P.hitShare,
      instances: P.instances.join(','),
      partitions: PARTITIONS,
      batch_records: P.batch,
      dedup_batch_records: process.env.DEDUP_BATCH_RECORDS ?? 'default',
    },
    figures,
    goals,
    notes: [
      `Each setting on its own fresh database and topics (${PARTITIONS} partitions); intake and alerting one instance each, dedup and matching x${P.instances.join(', x')} in one consumer group each, all from dist/.`,
      `${AGENCY_A} shares the originals and ${AGENCY_B} the duplicates, ${P.batch} per batch request, batch n of both sent at once; dedup's entities are scored pairwise against the original each record comes from.`,
      'duplicate_alerts: alerts beyond one per (agency, subscription, notice, person); deadlocks: pg_stat_database.deadlocks of the bench database, after minus before.',
      'records_per_s: records shared / seconds from the first share to the stage committing its last offset; per_instance divides by the instances of dedup (resp. matching). CPU from /proc, per process.',
      'Two cores shared with other work: throughput is about cost per instance, not scaling.',
    ],
  });

  async function runSetting(instances: number): Promise<{ figures: Record<string, number>; split: Set<string> }> {
    const environment = await openBenchEnvironment(`scale_x${instances}`, context, {
      ownKafka: P.ownKafka,
      logGroup: 'bench-scale',
      partitions: PARTITIONS,
    });
    const env = { ...QUIET_SERVICE, NODE_OPTIONS: '', KAFKA_TOPIC_PARTITIONS: String(PARTITIONS) };
    const earlier = new Set(SCALED.flatMap(servicePids));
    const services = {} as Record<ServiceName, ServiceProcess>;
    const running: ServiceProcess[] = [];
    for (const name of SERVICES) {
      running.push((services[name] = await environment.startService(name, env)));
      if (SCALED.includes(name))
        for (let instance = 2; instance <= instances; instance++)
          running.push(await environment.startService(name, env));
    }
    const pids = Object.fromEntries(
      SCALED.map((name) => [name, servicePids(name).filter((pid) => !earlier.has(pid))]),
    ) as Record<string, number[]>;
    const db = await environment.connect();
    const admin = await environment.kafkaAdmin();

    log(`notices: ${await loadReferenceEntries(context, environment.databaseUrl, 'notices', notices)}`);
    const stallMs = P.stallMs;
    await waitForPipeline(environment, db, admin, context.signal, { what: 'the notices’ retro-checks', stallMs });

    const agencies = new Agencies(environment.databaseUrl, () => services.intake.url);
    const keys = { [AGENCY_A]: await agencies.key(AGENCY_A), [AGENCY_B]: await agencies.key(AGENCY_B) };
    await agencies.accepted(keys[AGENCY_A], services.dedup.url, 60_000);
    const analyst = await agencies.key(AGENCY_A, ['analyst']);
    await agencies.accepted(analyst, services.alerting.url, 60_000);
    const subscription = { name: 'Notice hits', datasets: ['notices'] };
    await postJson(`${services.alerting.url}/v1/subscriptions`, analyst, subscription, { expect: 201 });

    const deadlocksBefore = await deadlocks(db, environment.databaseName);
    const cpuBefore = cpuOf(pids);
    const started = Date.now();
    const originalIds: (string | undefined)[] = [];
    const duplicateIds: (string | undefined)[] = [];
    for (let first = 0; first < pairs.length; first += P.batch) {
      const slice = pairs.slice(first, first + P.batch);
      const [originals, duplicates] = await Promise.all([
        shareThroughIntake(
          services.intake.url,
          async () => keys[AGENCY_A],
          slice.map((pair) => ({ agency: AGENCY_A, body: pair.original.record })),
        ),
        shareThroughIntake(
          services.intake.url,
          async () => keys[AGENCY_B],
          slice.map((pair) => ({ agency: AGENCY_B, body: pair.duplicate.record })),
        ),
      ]);
      originalIds.push(...originals);
      duplicateIds.push(...duplicates);
    }
    const sharedAt = Date.now();
    const doneAt = await waitForPipeline(environment, db, admin, context.signal, { what: 'the shared pairs', stallMs });
    const cpuAfter = cpuOf(pids);
    // Idle, they would still cost the next setting CPU; cleanup stopping them again is harmless.
    await Promise.all(running.map((service) => service.stop()));
    // Postgres counts deadlocks in its statistics, flushed about once a second.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const deadlocksSeen = (await deadlocks(db, environment.databaseName)) - deadlocksBefore;

    // --- entities ---------------------------------------------------------------------------------
    const labelOf = new Map<string, string>();
    pairs.forEach((pair, index) => {
      for (const id of [originalIds[index], duplicateIds[index]]) if (id) labelOf.set(id, pair.label);
    });
    const entityOf = await entityOfRecords(db);
    const members = [...labelOf].flatMap(([recordId, label]) => {
      const entityId = entityOf.get(recordId);
      return entityId ? [{ recordId, label, entityId, categories: [] }] : [];
    });
    const { overall } = pairwiseQuality(members);
    const split = new Set(
      pairs.flatMap((pair, index) => {
        const [a, b] = [entityOf.get(originalIds[index] ?? ''), entityOf.get(duplicateIds[index] ?? '')];
        return a && b && a !== b ? [pair.label] : [];
      }),
    );
    const entities = new Set(members.map((member) => member.entityId)).size;

    // --- alerts -----------------------------------------------------------------------------------
    const { rows: alertRows } = await db.query<{
      agency: string;
      subscription: string;
      entry_id: string;
      record_id: string;
    }>(
      `SELECT agency, COALESCE(subscription_id::text, '') AS subscription, entry_id, record_id
         FROM alerting.alerts WHERE dataset = 'notices' AND status <> 'retracted'`,
    );
    const noticeOf = new Map(pairs.map((pair) => [pair.label, pair.notice?.entryId]));
    const alertsPerPerson = new Map<string, number>();
    let otherAlerts = 0;
    for (const alert of alertRows) {
      const label = labelOf.get(alert.record_id);
      if (!label || noticeOf.get(label) !== alert.entry_id) {
        otherAlerts++;
        continue;
      }
      const key = JSON.stringify([alert.agency, alert.subscription, alert.entry_id, label]);
      alertsPerPerson.set(key, (alertsPerPerson.get(key) ?? 0) + 1);
    }
    const duplicateAlerts = [...alertsPerPerson.values()].reduce((sum, count) => sum + count - 1, 0);
    const alertedTwice = new Set(
      [...alertsPerPerson].flatMap(([key, count]) => (count > 1 ? [(JSON.parse(key) as string[])[3]] : [])),
    );
    if (alertedTwice.size > 0)
      log(
        `alerted more than once for one notice: ${[...alertedTwice].map((label) => `${label}${split.has(label) ? ' (split by dedup)' : ''}`).join(', ')}`,
      );
    const alertedHits = new Set(
      [...alertsPerPerson.keys()].flatMap((key) => {
        const [agency, , entryId] = JSON.parse(key) as string[];
        return agency === AGENCY_A ? [entryId] : [];
      }),
    );

    // --- throughput and CPU -------------------------------------------------------------------------
    const shared = labelOf.size;
    const seconds = (at: number) => (at - started) / 1000;
    const figures: Record<string, number> = {
      records_shared: shared,
      records_refused: pairs.length * 2 - shared,
      entities,
      pairs_split: split.size,
      precision: round(overall.precision, 4),
      recall: round(overall.recall, 4),
      f1: round(overall.f1, 4),
      records_without_entity: shared - members.length,
      notice_hits_expected: notices.length,
      notice_hits_without_alert: notices.filter((notice) => !alertedHits.has(notice.entryId)).length,
      notice_alerts: alertRows.length,
      duplicate_alerts: duplicateAlerts,
      alerts_on_other_records: otherAlerts,
      deadlocks: deadlocksSeen,
      share_seconds: round(seconds(sharedAt), 1),
      end_to_end_seconds: round(seconds(doneAt.alerting), 1),
      end_to_end_records_per_s: round(shared / seconds(doneAt.alerting), 1),
    };
    for (const name of SCALED) {
      const perProcess = pids[name].map((pid) => (cpuAfter.get(pid) ?? 0) - (cpuBefore.get(pid) ?? 0));
      const cpuSeconds = perProcess.reduce((sum, value) => sum + value, 0);
      figures[`${name}_instances`] = pids[name].length;
      figures[`${name}_seconds`] = round(seconds(doneAt[name]), 1);
      figures[`${name}_records_per_s`] = round(shared / seconds(doneAt[name]), 1);
      figures[`${name}_records_per_s_per_instance`] = round(shared / seconds(doneAt[name]) / instances, 1);
      if (perProcess.length === 0) continue;
      figures[`${name}_cpu_ms_per_record`] = round((cpuSeconds * 1000) / shared, 2);
      figures[`${name}_cpu_seconds_per_instance_min`] = round(Math.min(...perProcess), 1);
      figures[`${name}_cpu_seconds_per_instance_max`] = round(Math.max(...perProcess), 1);
    }
    log(
      `${instances} instance(s): ${shared} records, ${entities} entities, P ${figures.precision} R ${figures.recall} F1 ${figures.f1}; ` +
        `${figures.records_without_entity} without entity, ${figures.notice_hits_without_alert} hits without alert, ` +
        `${duplicateAlerts} duplicate alerts, ${deadlocksSeen} deadlocks; ${figures.end_to_end_records_per_s} records/s end to end`,
    );
    return { figures, split };
  }
});

/** Each original with its one duplicate, in the generator's order of originals; --hit-share of the originals are notice subjects. */
function duplicatePairs(): Pair[] {
  const persons = generatePersons({
    seed: P.seed,
    originals: P.pairs,
    maxDuplicatesPerOriginal: 1,
    duplicateRate: 1,
  });
  const byLabel = new Map<string, Partial<Pair>>();
  for (const person of persons) {
    const pair = byLabel.get(person.entityLabel) ?? { label: person.entityLabel };
    pair[person.role] = person;
    byLabel.set(person.entityLabel, pair);
  }
  // A homonym shares its name and birth year with another original: a notice about either could rightly hit both.
  const homonyms = new Set(
    persons.flatMap((person) => (person.homonymOf ? [person.homonymOf, person.entityLabel] : [])),
  );
  const every = Math.max(1, Math.round(1 / P.hitShare));
  return [...byLabel.values()]
    .sort((a, b) => a.label!.localeCompare(b.label!))
    .map((pair, index) => {
      if (!pair.original || !pair.duplicate) throw new Error(`${pair.label}: the generator gave no duplicate`);
      const complete = pair as Pair;
      if (index % every !== 0 || homonyms.has(complete.label)) return complete;
      const drawn = referenceEntry('notices', P.seed, index);
      return { ...complete, notice: { ...drawn, subject: complete.original.record.person } };
    });
}

async function deadlocks(db: Client, databaseName: string): Promise<number> {
  const { rows } = await db.query<{ deadlocks: string }>('SELECT deadlocks FROM pg_stat_database WHERE datname = $1', [
    databaseName,
  ]);
  return Number(rows[0]?.deadlocks ?? 0);
}

function cpuOf(pids: Record<string, number[]>): Map<number, number> {
  return new Map(
    Object.values(pids)
      .flat()
      .map((pid) => [pid, processCpuSeconds(pid) ?? 0]),
  );
}
