/**
 * `npm run bench:network`: how fast dedup answers `GET /v1/entities/{id}/network?depth=2`
 * as the graph grows.
 *
 * 1. Starts (or reuses) Kafka and Postgres, makes a fresh database and topic
 *    prefix, starts intake and dedup from dist/ (dedup migrates its schema).
 * 2. For each size in --sizes (default 100,000 entities), fills dedup's tables
 *    as resolution would have left them: one person record per entity, in
 *    planted groups of 5-50 people (seeded), where each member shares a phone
 *    with the next and every 5 consecutive members share an address (about 3
 *    edges per entity), and noise: every entity has a phone of its own, and
 *    one in 100 the address of a hotel that 500 share (too common to make
 *    an edge). Written with SQL rather than through the API: the pipeline would
 *    take hours on a small machine, and the query reads only these rows.
 * 3. Asks for --queries (500) networks of depth 2 from entities drawn at random,
 *    one at a time, with an agency key; each answer is checked to reach other
 *    entities of the planted group.
 *    Then as many shortest-path queries (`/path?to=`, up to 6 hops) between two
 *    members of one planted group up to 10 apart.
 * 4. Writes bench/results/network.json: p50/p95/p99 per size; goals: depth 2
 *    p99 < 100 ms, path p99 < 250 ms.
 */
import * as path from 'node:path';
import { Agencies } from '@crosscheck/infra';
import { Client } from 'pg';
import { log, openBenchEnvironment, requireBuild, runBenchmark } from './lib/environment';
import { benchOptions } from './lib/options';
import { groupsOf } from './lib/planted-groups';
import { machineInfo, printReport, writeReport } from './lib/report';
import { round, summarize } from './lib/stats';

const { number: numberOption, string: stringOption } = benchOptions();
const P = {
  sizes: stringOption('sizes', '100000')
    .split(',')
    .map((size) => Math.round(Number(size))),
  queries: Math.round(numberOption('queries', 500)),
  seed: Math.round(numberOption('seed', 15)),
};
const OWNER = 'BENCH';
const P99_GOAL_MS = 100;
const PATH_P99_GOAL_MS = 250;

const uuidSql = (seed: string) =>
  `(SELECT (substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' ||
            substr(h, 21, 12))::uuid FROM md5(${seed}) AS h)`;
const recordIdSql = (i: string) => uuidSql(`'record-' || ${i}`);
const entityIdSql = (i: string) => uuidSql(`'entity-' || ${i}`);

/** Adds entities from+1..to, continuing the planted groups. */
async function fill(db: Client, groups: number[], from: number, to: number): Promise<void> {
  const ids = Array.from({ length: to - from }, (_, k) => from + k + 1);
  const groupOf = ids.map((i) => groups[i]);
  await db.query(
    `INSERT INTO dedup.entities (entity_id, kind) SELECT ${entityIdSql('i')}, 'person' FROM unnest($1::int[]) AS i`,
    [ids],
  );
  await db.query(
    `INSERT INTO dedup.entity_members (record_id, entity_id, owner, record_version, facts, kind, decision)
     SELECT ${recordIdSql('i')}, ${entityIdSql('i')}, $1, 1, '{}', 'person', 'new_entity' FROM unnest($2::int[]) AS i`,
    [OWNER, ids],
  );
  await db.query(
    `INSERT INTO dedup.network_references (record_id, owner, external_ref)
     SELECT ${recordIdSql('i')}, $1, 'B-' || i FROM unnest($2::int[]) AS i`,
    [OWNER, ids],
  );
  // Within a group: i shares a phone with i+1 (the phone 'g:i' is carried by i and i+1), every 5 share an address;
  // noise: a phone of one's own, and one in 100 the hotel's address (500 per hotel).
  await db.query(
    `INSERT INTO dedup.network_attributes (attribute, value, record_id)
     SELECT a.attribute, a.value, ${recordIdSql('x.i')}
       FROM unnest($1::int[], $2::int[], $3::bool[]) AS x (i, g, chained)
       CROSS JOIN LATERAL (VALUES
         ('phone', '+1' || x.i),
         ('phone', '+2' || x.i),
         ('phone', CASE WHEN x.chained THEN '+2' || (x.i - 1) END),
         ('address', 'G' || x.g || '|' || (x.i / 5)),
         ('address', CASE WHEN x.i % 100 = 0 THEN 'HOTEL|' || (x.i / 50000) END)
       ) AS a (attribute, value)
      WHERE a.value IS NOT NULL
     ON CONFLICT DO NOTHING`,
    [ids, groupOf, ids.map((i) => i > 1 && groups[i - 1] === groups[i])],
  );
}

async function timeNetworks(
  dedupUrl: string,
  key: string,
  n: number,
  count: number,
): Promise<{ latencies: number[]; lonely: number; entities: number[]; edges: number[] }> {
  const latencies: number[] = [];
  const entities: number[] = [];
  const edges: number[] = [];
  let lonely = 0;
  const entityIds = (
    await fetchIds(
      dedupUrl,
      key,
      Array.from({ length: count }, () => 1 + Math.floor(Math.random() * n)),
    )
  ).filter(Boolean);
  for (const entityId of entityIds) {
    const started = performance.now();
    const response = await fetch(`${dedupUrl}/v1/entities/${entityId}/network?depth=2`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const body = (await response.json()) as { entities?: unknown[]; edges?: unknown[] };
    latencies.push(performance.now() - started);
    entities.push(body.entities?.length ?? 0);
    edges.push(body.edges?.length ?? 0);
    if (response.status !== 200 || (body.entities?.length ?? 0) < 2) lonely++;
  }
  return { latencies, lonely, entities, edges };
}

/** Shortest-path queries between two members of one planted group, up to 10 apart (at most 6 hops). */
async function timePaths(
  dedupUrl: string,
  key: string,
  groups: number[],
  n: number,
  count: number,
): Promise<{ latencies: number[]; notFound: number }> {
  const latencies: number[] = [];
  let notFound = 0;
  const pairs: [number, number][] = [];
  while (pairs.length < count) {
    const i = 1 + Math.floor(Math.random() * (n - 10));
    const j = i + 1 + Math.floor(Math.random() * 10);
    if (groups[i] === groups[j]) pairs.push([i, j]);
  }
  const ids = await fetchIds(dedupUrl, key, pairs.flat());
  for (let k = 0; k < pairs.length; k++) {
    const started = performance.now();
    const response = await fetch(`${dedupUrl}/v1/entities/${ids[2 * k]}/path?to=${ids[2 * k + 1]}&maxHops=6`, {
      headers: { authorization: `Bearer ${key}` },
    });
    const body = (await response.json()) as { found?: boolean };
    latencies.push(performance.now() - started);
    if (!body.found) notFound++;
  }
  return { latencies, notFound };
}

let idsClient: Client;
async function fetchIds(_dedupUrl: string, _key: string, indexes: number[]): Promise<string[]> {
  const { rows } = await idsClient.query(
    `SELECT ${entityIdSql('i')}::text AS id FROM unnest($1::int[]) WITH ORDINALITY AS t (i, o) ORDER BY o`,
    [indexes],
  );
  return rows.map((row: { id: string }) => row.id);
}

void runBenchmark(async (context) => {
  requireBuild('intake', 'dedup');
  const machine = machineInfo();
  const startedAt = new Date();
  const environment = await openBenchEnvironment('network', context);
  const intake = await environment.startService('intake');
  const dedup = await environment.startService('dedup');
  const agencies = new Agencies(environment.databaseUrl, () => intake.url);
  const key = await agencies.key('NLD');
  await agencies.accepted(key, dedup.url, 120_000);

  const db = new Client({ connectionString: environment.databaseUrl });
  await db.connect();
  idsClient = db;
  context.defer('close database client', () => db.end());
  const sizes = [...P.sizes].sort((a, b) => a - b);
  const groups = groupsOf(sizes.at(-1)!, P.seed);
  const figures: Record<string, number> = {};
  let filled = 0;
  let met = true;
  let pathMet = true;
  for (const size of sizes) {
    const fillStarted = Date.now();
    for (let from = filled; from < size; from += 50_000) await fill(db, groups, from, Math.min(size, from + 50_000));
    filled = size;
    await db.query('ANALYZE dedup.entities, dedup.entity_members, dedup.network_attributes, dedup.network_references');
    const { rows } = await db.query(
      `SELECT count(*)::int AS edges FROM dedup.network_attributes a
         JOIN dedup.network_attributes b ON b.attribute = a.attribute AND b.value = a.value AND b.record_id < a.record_id
        WHERE a.value NOT LIKE 'HOTEL%'`,
    );
    log(
      `${size.toLocaleString('en')} entities, ${rows[0].edges.toLocaleString('en')} edges, filled in ${((Date.now() - fillStarted) / 1000).toFixed(0)} s`,
    );
    await timeNetworks(dedup.url, key, size, 50); // warm-up
    const timed = await timeNetworks(dedup.url, key, size, P.queries);
    const summary = summarize(timed.latencies);
    const paths = await timePaths(dedup.url, key, groups, size, P.queries);
    const pathSummary = summarize(paths.latencies);
    const label = `${size / 1000}k`;
    Object.assign(figures, {
      [`entities_${label}`]: size,
      [`edges_${label}`]: rows[0].edges,
      [`depth2_p50_ms_${label}`]: round(summary.p50),
      [`depth2_p95_ms_${label}`]: round(summary.p95),
      [`depth2_p99_ms_${label}`]: round(summary.p99),
      [`depth2_mean_entities_${label}`]: round(timed.entities.reduce((a, b) => a + b, 0) / timed.entities.length, 1),
      [`depth2_mean_edges_${label}`]: round(timed.edges.reduce((a, b) => a + b, 0) / timed.edges.length, 1),
      [`answers_without_a_neighbour_${label}`]: timed.lonely,
      [`path_p50_ms_${label}`]: round(pathSummary.p50),
      [`path_p99_ms_${label}`]: round(pathSummary.p99),
      [`paths_not_found_${label}`]: paths.notFound,
    });
    met &&= summary.p99 < P99_GOAL_MS;
    pathMet &&= pathSummary.p99 < PATH_P99_GOAL_MS;
  }
  const { report, file } = writeReport({
    name: 'network',
    machine,
    startedAt,
    parameters: { ...P, sizes: P.sizes.join(',') } as unknown as Record<string, unknown>,
    figures,
    goals: {
      depth2_p99: { target: `depth2_p99_ms < ${P99_GOAL_MS} at every size`, met },
      path_p99: { target: `path_p99_ms < ${PATH_P99_GOAL_MS} at every size`, met: pathMet },
    },
    notes: [
      'Rows written with SQL as resolution leaves them: one person record per entity, disseminated to all.',
      'Planted groups of 5-50: a phone shared with the next member, an address per 5 members; hotel addresses (500 entities) make no edge.',
      'Through dedup over HTTP, one query at a time, each audited as the route always is.',
    ],
  });
  printReport(report, log);
  log(`report: ${path.relative(process.cwd(), file)}`);
});
