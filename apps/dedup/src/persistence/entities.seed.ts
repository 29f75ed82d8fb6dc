/**
 * Seeds dedup's tables as if dedup had resolved a large number of records
 * itself, for benchmarks that need a big store present; the service never
 * calls it. dedup owns it because it owns the tables: a benchmark hands it
 * rows and never writes into them itself.
 *
 * `bulkSeedEntities`: one entity per member, its member row (facts, protobuf
 * record, dissemination) and one `member_keys` row per blocking key,
 * bulk-loaded the usual way: the tables' constraints and indexes are dropped,
 * the rows streamed in by three concurrent COPY FROM STDIN (one per table,
 * each on its own connection, with back-pressure), and the indexes and
 * constraints recreated afterwards from the definitions read before dropping
 * them, so the schema ends exactly as the migrations left it (foreign keys
 * validated). Then VACUUM ANALYZE, as autovacuum would have done by the time
 * a real table held a million entities.
 *
 * `seedBareEntities` and `seedNetworkEvidence`: entities of one member with
 * no facts, and the network evidence (references, shared attributes) of their
 * records, for what reads entities without resolving against them (a
 * record's journey, a network query).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { markDerived } from '@crosscheck/persistence';
import { derivationRevision, type RecordFacts } from '@crosscheck/resolution';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MEMBER_DERIVATION_NAME } from './entities.repository';

/** A seeded entity of one member, as dedup stores it after resolving the record as new. */
export interface SeedMember {
  entityId: string;
  recordId: string;
  kind: string;
  owner: string;
  /** JSON, as dedup stores `dissemination`. */
  dissemination: string;
  facts: RecordFacts;
  keys: string[];
  /** The SharedRecord, protobuf-encoded, as dedup stores `record`. */
  record: Uint8Array;
}

const SCHEMA = 'dedup';
/**
 * The tables seeded, and those whose constraints tie into them (possible_duplicates points at members
 * and entities); foreign keys of any other table into them (the network's) are dropped and restored too.
 */
const TABLES = ['entities', 'entity_members', 'member_keys', 'possible_duplicates'];

export interface SeedTimings {
  dropSeconds: number;
  copySeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
  members: number;
  keys: number;
}

interface Definition {
  table: string;
  name: string;
  sql: string;
}

/** Seeds the chunks of members; `progress` is told how many members are in after each chunk. */
export async function bulkSeedEntities(
  databaseUrl: string,
  chunks: Iterable<{ members: SeedMember[] }>,
  progress: (members: number, keys: number) => void,
  signal: AbortSignal,
): Promise<SeedTimings> {
  const admin = new Client({ connectionString: databaseUrl, application_name: 'crosscheck-dedup-seed' });
  await admin.connect();
  const copiers: Client[] = [];
  try {
    let started = performance.now();
    const { constraints, foreignKeys, indexes } = await readDefinitions(admin);
    for (const fk of foreignKeys) await admin.query(`ALTER TABLE ${SCHEMA}.${fk.table} DROP CONSTRAINT ${fk.name}`);
    for (const constraint of constraints)
      await admin.query(`ALTER TABLE ${SCHEMA}.${constraint.table} DROP CONSTRAINT ${constraint.name}`);
    for (const index of indexes) await admin.query(`DROP INDEX ${SCHEMA}.${index.name}`);
    const dropSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    for (let i = 0; i < 3; i++) {
      const client = new Client({ connectionString: databaseUrl, application_name: 'crosscheck-dedup-seed' });
      await client.connect();
      copiers.push(client);
    }
    const streams = {
      entities: copiers[0].query(copyFrom(`COPY ${SCHEMA}.entities (entity_id, kind) FROM STDIN`)),
      members: copiers[1].query(
        copyFrom(
          `COPY ${SCHEMA}.entity_members (record_id, entity_id, kind, owner, dissemination, record_version, facts, record, decision, score, explanation) FROM STDIN`,
        ),
      ),
      keys: copiers[2].query(copyFrom(`COPY ${SCHEMA}.member_keys (key, record_id) FROM STDIN`)),
    };
    let members = 0;
    let keys = 0;
    for (const chunk of chunks) {
      signal.throwIfAborted();
      await Promise.all([
        write(streams.entities, chunk.members.map(entityLine).join('')),
        write(streams.members, chunk.members.map(memberLine).join('')),
        write(streams.keys, chunk.members.map(keyLines).join('')),
      ]);
      members += chunk.members.length;
      keys += chunk.members.reduce((sum, member) => sum + member.keys.length, 0);
      progress(members, keys);
    }
    await Promise.all(Object.values(streams).map(finish));
    const copySeconds = (performance.now() - started) / 1000;

    // Primary keys and indexes of each table on a connection of its own (they do not wait for each other), then the foreign keys.
    started = performance.now();
    const byTable = new Map<string, string[]>();
    for (const definition of [...constraints, ...indexes])
      byTable.set(definition.table, [...(byTable.get(definition.table) ?? []), rebuild(definition, constraints)]);
    const builders = [admin, ...copiers];
    await Promise.all(
      [...byTable.values()].map(async (statements, i) => {
        const client = builders[i % builders.length];
        await client.query(`SET maintenance_work_mem = '512MB'`);
        for (const statement of statements) await client.query(statement);
      }),
    );
    for (const fk of foreignKeys)
      await admin.query(`ALTER TABLE ${SCHEMA}.${fk.table} ADD CONSTRAINT ${fk.name} ${fk.sql}`);
    const indexSeconds = (performance.now() - started) / 1000;

    started = performance.now();
    await admin.query(`VACUUM (ANALYZE) ${TABLES.map((table) => `${SCHEMA}.${table}`).join(', ')}`);
    // Seeded with this build's rules: nothing to derive again when dedup starts.
    await markDerived(admin, SCHEMA, MEMBER_DERIVATION_NAME, derivationRevision());
    const vacuumSeconds = (performance.now() - started) / 1000;
    return { dropSeconds, copySeconds, indexSeconds, vacuumSeconds, members, keys };
  } finally {
    await Promise.all([admin, ...copiers].map((client) => client.end().catch(() => undefined)));
  }
}

async function readDefinitions(
  client: Client,
): Promise<{ constraints: Definition[]; foreignKeys: Definition[]; indexes: Definition[] }> {
  const { rows } = await client.query(
    `SELECT t.relname AS table, c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS sql
       FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND c.contype IN ('p', 'u', 'f')
        AND (t.relname = ANY($2::text[])
             OR (c.contype = 'f' AND (SELECT relname FROM pg_class WHERE oid = c.confrelid) = ANY($2::text[])))
      ORDER BY c.conname`,
    [SCHEMA, TABLES],
  );
  const constraints = rows
    .filter((row) => row.type !== 'f')
    .map((row) => ({ table: row.table, name: row.name, sql: row.sql }));
  const foreignKeys = rows
    .filter((row) => row.type === 'f')
    .map((row) => ({ table: row.table, name: row.name, sql: row.sql }));
  // Indexes of their own, not the ones behind a primary key or unique constraint.
  const indexes = (
    await client.query(
      `SELECT i.tablename AS table, i.indexname AS name, i.indexdef AS sql
         FROM pg_indexes i
        WHERE i.schemaname = $1 AND i.tablename = ANY($2::text[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
        ORDER BY i.indexname`,
      [SCHEMA, TABLES],
    )
  ).rows as Definition[];
  return { constraints, foreignKeys, indexes };
}

function rebuild(definition: Definition, constraints: Definition[]): string {
  return constraints.includes(definition)
    ? `ALTER TABLE ${SCHEMA}.${definition.table} ADD CONSTRAINT ${definition.name} ${definition.sql}`
    : definition.sql;
}

async function write(stream: Writable, text: string): Promise<void> {
  if (text && !stream.write(text)) await once(stream, 'drain');
}

async function finish(stream: Writable): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
  });
  stream.end();
  await done;
}

const COPY_SPECIAL = /[\\\n\r\t]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const field = (text: string) => text.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c]);

function entityLine(member: SeedMember): string {
  return `${member.entityId}\t${field(member.kind)}\n`;
}

function memberLine(member: SeedMember): string {
  const record = `\\\\x${Buffer.from(member.record.buffer, member.record.byteOffset, member.record.byteLength).toString('hex')}`;
  return [
    member.recordId,
    member.entityId,
    field(member.kind),
    field(member.owner),
    field(member.dissemination),
    '1',
    field(JSON.stringify(member.facts)),
    record,
    'new_entity',
    '0',
    '[]',
  ]
    .join('\t')
    .concat('\n');
}

function keyLines(member: SeedMember): string {
  let lines = '';
  for (const key of member.keys) lines += `${field(key)}\t${member.recordId}\n`;
  return lines;
}

/** A client on dedup's database: the benchmark's connection, or any other. */
type Queryable = Pick<Client, 'query'>;

/** Entities of one member each, with no facts (nothing resolves against them), disseminated to all. */
export async function seedBareEntities(
  db: Queryable,
  members: { recordId: string[]; entityId: string[]; owner: string },
): Promise<void> {
  await db.query(`INSERT INTO ${SCHEMA}.entities (entity_id, kind) SELECT unnest($1::uuid[]), 'person'`, [
    members.entityId,
  ]);
  await db.query(
    `INSERT INTO ${SCHEMA}.entity_members (record_id, entity_id, owner, record_version, facts, kind, decision)
     SELECT m.record_id, m.entity_id, $3, 1, '{}', 'person', 'new_entity'
       FROM unnest($1::uuid[], $2::uuid[]) AS m (record_id, entity_id)`,
    [members.recordId, members.entityId, members.owner],
  );
}

/** The network evidence of seeded records: each record's agency reference, and the attributes (phone, address) it carries. */
export async function seedNetworkEvidence(
  db: Queryable,
  evidence: {
    references: { recordId: string[]; externalRef: string[]; owner: string };
    attributes: { attribute: string[]; value: string[]; recordId: string[] };
  },
): Promise<void> {
  const { references, attributes } = evidence;
  await db.query(
    `INSERT INTO ${SCHEMA}.network_references (record_id, owner, external_ref)
     SELECT r.record_id, $3, r.external_ref FROM unnest($1::uuid[], $2::text[]) AS r (record_id, external_ref)`,
    [references.recordId, references.externalRef, references.owner],
  );
  await db.query(
    `INSERT INTO ${SCHEMA}.network_attributes (attribute, value, record_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) ON CONFLICT DO NOTHING`,
    [attributes.attribute, attributes.value, attributes.recordId],
  );
}
