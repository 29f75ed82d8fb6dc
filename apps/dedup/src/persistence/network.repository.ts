/**
 * The network's evidence (migration 1763800000230): what each record brings
 * to the network, written when dedup resolves it, and the edges out of a set of
 * records as one agency may see them.
 */
import { Injectable, Logger } from '@nestjs/common';
import { FITTING_RELATIONS } from '@crosscheck/records';
import type { CarriersOf, ContactValue, RecordFacts } from '@crosscheck/resolution';
import { bulkRows } from '@crosscheck/persistence';
import { metricsRegistry } from '@crosscheck/telemetry';
import { Counter } from 'prom-client';
import { EntityManager } from 'typeorm';
import { carriersFrom, contactValuesOfAll, keyOf } from '../model/contact-carriers';
import type { AttributeEvidence, NetworkEvidence, RelationEvidence } from '../model/network-evidence';

/** One edge out of a record, to a live record the caller may see. */
export interface NetworkEdgeRow {
  fromRecord: string;
  toRecord: string;
  toEntity: string;
  /** A shared attribute (phone, email, address, identifier, document) or `relation`. */
  reason: string;
  /** The shared value, or the relation's role. */
  value: string;
  since: string | null;
  until: string | null;
  /** The record that declares the relation; null for a shared attribute. */
  declaredBy: string | null;
  /** How many of the live records the caller may see carry the value; null for a relation. */
  recordsSharing: number | null;
}

/**
 * The rows the agency in parameter `agency` may see of entity_members aliased `m`: its own, and those
 * disseminated to all or to it. A null agency is dedup itself, which sees them all.
 */
const visibleTo = (m: string, agency: string) =>
  `(${agency}::text IS NULL OR ${m}.owner = ${agency} OR ${m}.dissemination->>'scope' = 'all' OR ` +
  `(${m}.dissemination->>'scope' = 'agencies' AND ${m}.dissemination->'agencies' ? ${agency}))`;

/** Relations dedup kept no edge for: their role does not fit the kind of the record they point at. */
const relationsDropped =
  (metricsRegistry.getSingleMetric('crosscheck_dedup_relations_dropped_total') as Counter | undefined) ??
  new Counter({
    name: 'crosscheck_dedup_relations_dropped_total',
    help: 'Declared relations dropped because their role does not fit the target record’s kind, by kinds and role',
    labelNames: ['declaring_kind', 'role', 'target_kind'],
  });

/** What one record brings to the network. */
export interface RecordEvidence {
  recordId: string;
  evidence: NetworkEvidence;
}

/** A record's reference (owner and external reference), as network_references rows. */
const REFERENCE_ROWS = bulkRows<RecordEvidence>({
  record_id: ['uuid', (row) => row.recordId],
  owner: ['text', (row) => row.evidence.owner],
  external_ref: ['text', (row) => row.evidence.externalRef],
});

/** A record's shared values, as network_attributes rows. */
const ATTRIBUTE_ROWS = bulkRows<AttributeEvidence & { recordId: string }>({
  attribute: ['text', (row) => row.attribute],
  value: ['text', (row) => row.value],
  record_id: ['uuid', (row) => row.recordId],
});

/** A record's declared relations, as network_relations rows. */
const RELATION_ROWS = bulkRows<RelationEvidence & { recordId: string; owner: string }>({
  record_id: ['uuid', (row) => row.recordId],
  owner: ['text', (row) => row.owner],
  to_external_ref: ['text', (row) => row.toExternalRef],
  role: ['text', (row) => row.role],
  since: ['text', (row) => row.since],
  until: ['text', (row) => row.until],
});

@Injectable()
export class NetworkRepository {
  private readonly logger = new Logger(NetworkRepository.name);

  /**
   * Replaces what each record brings to the network with its `evidence` (a new version may bring other facts), then
   * drops the relations, their own or pointing at them, whose role does not fit their target's kind (intake refuses
   * those whose target it holds; a target shared later is judged here, once both are known). A batch of records
   * takes the same three statements as one record.
   */
  async save(manager: EntityManager, records: readonly RecordEvidence[]): Promise<void> {
    // The last evidence of a record wins, as it would have one record at a time.
    const latest = [...new Map(records.map((record) => [record.recordId.toLowerCase(), record])).values()];
    if (latest.length === 0) return;
    const recordIds = latest.map((record) => record.recordId);
    await manager.query(
      `WITH stale_attributes AS (
         DELETE FROM network_attributes WHERE record_id = ANY($1::uuid[])
       ), stale_relations AS (
         DELETE FROM network_relations WHERE record_id = ANY($1::uuid[])
       ), reference AS (
         INSERT INTO network_references (${REFERENCE_ROWS.columnList}) ${REFERENCE_ROWS.select(2)}
         ON CONFLICT (record_id) DO UPDATE SET owner = EXCLUDED.owner, external_ref = EXCLUDED.external_ref
       )
       SELECT 1`,
      [recordIds, ...REFERENCE_ROWS.parameters(latest)],
    );
    // In a second statement: rows deleted by a CTE are still visible to the statement's other parts.
    await manager.query(
      `WITH attributes AS (
         INSERT INTO network_attributes (${ATTRIBUTE_ROWS.columnList}) ${ATTRIBUTE_ROWS.select(1)}
         ON CONFLICT DO NOTHING
       )
       INSERT INTO network_relations (${RELATION_ROWS.columnList}) ${RELATION_ROWS.select(ATTRIBUTE_ROWS.size + 1)}
       ON CONFLICT DO NOTHING`,
      [
        ...ATTRIBUTE_ROWS.parameters(
          latest.flatMap(({ recordId, evidence }) =>
            evidence.attributes.map((attribute) => ({ ...attribute, recordId })),
          ),
        ),
        ...RELATION_ROWS.parameters(
          latest.flatMap(({ recordId, evidence }) =>
            evidence.relations.map((relation) => ({ ...relation, recordId, owner: evidence.owner })),
          ),
        ),
      ],
    );
    await this.dropMisfitRelations(manager, recordIds);
  }

  /**
   * The relations declared by the record, or pointing at it, whose role does not fit the target's kind
   * (libs/records relation-targets.ts): deleted, so they make no edge, each logged and counted.
   */
  private async dropMisfitRelations(manager: EntityManager, recordIds: string[]): Promise<void> {
    // Two deletes, each on its own index (the record's relations; those naming its reference), not one with an OR.
    const misfit = (which: string) => `
      DELETE FROM network_relations r
       USING entity_members d, network_references t, entity_members tm
       WHERE ${which}
         AND d.record_id = r.record_id
         AND t.owner = r.owner AND t.external_ref = r.to_external_ref AND t.record_id <> r.record_id
         AND tm.record_id = t.record_id
         AND NOT EXISTS (SELECT 1 FROM unnest($2::text[], $3::text[], $4::text[]) AS fit (declaring, role, target)
                          WHERE fit.declaring = d.kind AND fit.role = r.role AND fit.target = tm.kind)
      RETURNING r.record_id, r.role, d.kind AS declaring, tm.kind AS target`;
    const dropped: { record_id: string; role: string; declaring: string; target: string }[] = await manager.query(
      `WITH declared AS (${misfit('r.record_id = ANY($1::uuid[])')}),
            pointing AS (${misfit('t.record_id = ANY($1::uuid[])')})
       SELECT * FROM declared UNION ALL SELECT * FROM pointing`,
      [
        recordIds,
        FITTING_RELATIONS.map((fit) => fit.declaring),
        FITTING_RELATIONS.map((fit) => fit.role),
        FITTING_RELATIONS.map((fit) => fit.target),
      ],
    );
    for (const relation of dropped) {
      relationsDropped.inc({ declaring_kind: relation.declaring, role: relation.role, target_kind: relation.target });
      this.logger.warn(
        `relation dropped: record ${relation.record_id} declares ${relation.role} to a ${relation.target}, ` +
          `which a ${relation.declaring}'s ${relation.role} may not point at (reason: role_misfits_target_kind)`,
      );
    }
  }

  /**
   * How many live records carry each of `values` (keyed `attribute|value`, see
   * contact-carriers.ts): those `agency` may see when it is given, and never
   * `exceptRecordId`. A value no live record carries is left out.
   */
  async carriers(
    manager: EntityManager,
    values: ContactValue[],
    options: { agency?: string; exceptRecordId?: string } = {},
  ): Promise<Map<string, number>> {
    if (values.length === 0) return new Map();
    const rows: { attribute: string; value: string; records: number }[] = await manager.query(
      `SELECT a.attribute, a.value, count(*)::int AS records
         FROM network_attributes a
         JOIN entity_members m ON m.record_id = a.record_id
        WHERE (a.attribute, a.value) IN (SELECT * FROM unnest($1::text[], $2::text[]))
          AND m.entity_id IS NOT NULL AND m.withdrawn_at IS NULL
          AND ($3::uuid IS NULL OR a.record_id <> $3::uuid)
          AND ($4::text IS NULL OR ${visibleTo('m', '$4::text')})
        GROUP BY a.attribute, a.value`,
      [
        values.map((value) => value.attribute),
        values.map((value) => value.value),
        options.exceptRecordId ?? null,
        options.agency ?? null,
      ],
    );
    return new Map(
      rows.map((row) => [
        keyOf({ attribute: row.attribute as ContactValue['attribute'], value: row.value }),
        row.records,
      ]),
    );
  }

  /** Carriers of the values these records could share, counted among the records `agency` may see. */
  async carriersSeenBy(manager: EntityManager, agency: string, facts: RecordFacts[]): Promise<CarriersOf> {
    return carriersFrom(await this.carriers(manager, contactValuesOfAll(facts), { agency }));
  }

  /**
   * The edges out of `recordIds` to live records `agency` may see (null: every
   * live record), in other entities or the same. A shared value carried by more
   * than `commonAbove` records the agency may see makes no edge at all (a hotel,
   * an NGO's office).
   */
  async edgesFrom(
    manager: EntityManager,
    agency: string | null,
    recordIds: string[],
    commonAbove: number,
  ): Promise<NetworkEdgeRow[]> {
    if (recordIds.length === 0) return [];
    const rows: {
      from_record: string;
      to_record: string;
      to_entity: string;
      reason: string;
      value: string;
      since: string | null;
      until: string | null;
      declared_by: string | null;
      records_sharing: number | null;
    }[] = await manager.query(
      `WITH sharing AS (
         SELECT c.attribute, c.value, count(*)::int AS records
           FROM network_attributes c
           JOIN entity_members s ON s.record_id = c.record_id
          WHERE (c.attribute, c.value) IN (SELECT attribute, value FROM network_attributes WHERE record_id = ANY ($2::uuid[]))
            AND s.entity_id IS NOT NULL AND ${visibleTo('s', '$1')}
          GROUP BY c.attribute, c.value
       )
       SELECT e.from_record, e.to_record, m.entity_id AS to_entity, e.reason, e.value, e.since, e.until, e.declared_by,
              sharing.records AS records_sharing
         FROM network_edges e
         JOIN entity_members m ON m.record_id = e.to_record
         LEFT JOIN sharing ON sharing.attribute = e.reason AND sharing.value = e.value
        WHERE e.from_record = ANY ($2::uuid[])
          AND m.entity_id IS NOT NULL AND ${visibleTo('m', '$1')}
          AND (e.reason = 'relation' OR sharing.records <= $3)
        ORDER BY e.from_record, e.to_record, e.reason, e.value`,
      [agency, recordIds, commonAbove],
    );
    return rows.map((row) => ({
      fromRecord: row.from_record,
      toRecord: row.to_record,
      toEntity: row.to_entity,
      reason: row.reason,
      value: row.value,
      since: row.since,
      until: row.until,
      declaredBy: row.declared_by,
      recordsSharing: row.records_sharing,
    }));
  }
}
