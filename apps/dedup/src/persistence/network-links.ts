/**
 * Network links, found in the resolution's transaction: when a record brings
 * an edge (a shared attribute, a declared relation) that puts two agencies'
 * cases within LINK_HOPS of each other, each agency hears of it on
 * `network.links.v1` (alerting raises a `network_link` alert), with the path
 * as it may see it: the path is searched again as that agency, so no record or
 * edge it may not see is on it. A side with no such path hears nothing; it may
 * hear later, when a path it may see appears. Each side hears of a pair of
 * cases once (`network_links`, migration 1763800000250).
 *
 * A link stays only while a path explains it. Each side's row keeps what its
 * path rests on (the shared values, the records; migration 1763800000255).
 * When a resolution makes a value on it common (more than LINK_COMMON_ABOVE
 * records carry it: it looked rare while its first records arrived), a record
 * on it comes in a new version, or is withdrawn, the side's link is searched again as it may see
 * it: kept, resting on the path found now, or retracted (the same message with
 * `retracted_at`, alerting retracts its alerts). A retracted link may be told
 * again later, when a new path appears.
 *
 * A side told before migration 1763800000255 has nothing of its path kept, so
 * nothing tells when to search it again. The first resolution whose walk
 * reaches its pair again searches it as above: kept, it rests on the path
 * found and is re-checked like any other from then on; else it is retracted.
 *
 * Resolutions of different partitions run at once, and two records that link
 * (one shares a phone with the other, or with the record between them) need
 * not share a blocking key: each would miss the other, uncommitted. So the
 * search takes one lock, last in its transaction and held until it commits:
 * the later search sees what the earlier committed. Only this tail of each
 * transaction takes turns.
 */
import { Injectable } from '@nestjs/common';
import { create } from '@bufbuild/protobuf';
import { timestampNow } from '@bufbuild/protobuf/wkt';
import { NetworkLinkFoundSchema, Topics } from '@crosscheck/contracts';
import { Outbox, OutgoingEvent } from '@crosscheck/messaging';
import type { Context } from '@opentelemetry/api';
import { EntityManager } from 'typeorm';
import {
  candidatePairs,
  CaseEnd,
  LINK_COMMON_ABOVE,
  LINK_HOPS,
  linkIdOf,
  restsOn,
  RetractionCause,
  retractionReason,
} from '../model/network-link';
import { NetworkGraph, NetworkNode, NetworkPath, NetworkWalk, pathIn } from './network-graph';

/** Taken by every search for links, after every other lock of its transaction. */
const NETWORK_LINKS_LOCK = 730_250;

/** A record a transaction resolved, in the entity it is in now; `traceContext`: its message's, in a batch. */
export interface ResolvedRecord {
  entityId: string;
  recordId: string;
  traceContext?: Context;
}

@Injectable()
export class NetworkLinks {
  constructor(
    private readonly graph: NetworkGraph,
    private readonly outbox: Outbox,
  ) {}

  /**
   * The links the transaction's resolved records undid, retracted, then the links they made, announced to
   * each side not told of them yet. Call it last in the transaction: it takes the lock that makes searches take turns.
   */
  async announce(manager: EntityManager, resolved: ResolvedRecord[]): Promise<void> {
    if (resolved.length === 0) return;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [NETWORK_LINKS_LOCK]);
    // The graph does not change while the transaction searches it: each case's view of it is walked once.
    const views: Views = new Map();
    const recordIds = resolved.map(({ recordId }) => recordId);
    // First the links resting on a value a record made common, or on a record of a new version: explained now, or retracted.
    const mayUndo = await this.mayUndoLinks(manager, recordIds);
    const checked = new Set<string>();
    for (const { recordId, traceContext } of resolved) {
      if (!mayUndo.has(recordId.toLowerCase())) continue;
      await this.recheck(manager, views, checked, await this.linksToRecheckAfter(manager, recordId), {
        recordId,
        traceContext,
      });
    }
    // A walk from an entity no edge leaves finds no other entity, so no link: most records are in one.
    const onEdges = await this.inEntitiesWithEdges(manager, recordIds);
    for (const { entityId, recordId, traceContext } of resolved)
      if (onEdges.has(recordId.toLowerCase()))
        await this.announceFrom(manager, views, entityId, recordId, traceContext);
  }

  /**
   * Of the records, those a live link could be re-checked for (linksToRecheckAfter): one carrying a shared
   * attribute, or one on a live link's path. One statement for all of them; lower-case ids.
   */
  private async mayUndoLinks(manager: EntityManager, recordIds: string[]): Promise<Set<string>> {
    const rows: { record_id: string }[] = await manager.query(
      `SELECT r.record_id FROM unnest($1::uuid[]) AS r(record_id)
        WHERE EXISTS (SELECT 1 FROM network_attributes a WHERE a.record_id = r.record_id)
           OR EXISTS (SELECT 1 FROM network_links l WHERE l.retracted_at IS NULL AND l.path_records @> ARRAY[r.record_id])`,
      [recordIds],
    );
    return new Set(rows.map((row) => row.record_id.toLowerCase()));
  }

  /** Of the records, those in an entity that some edge leaves (from any of its members); lower-case ids. */
  private async inEntitiesWithEdges(manager: EntityManager, recordIds: string[]): Promise<Set<string>> {
    const rows: { record_id: string }[] = await manager.query(
      `SELECT DISTINCT r.record_id FROM unnest($1::uuid[]) AS r(record_id)
         JOIN entity_members own ON own.record_id = r.record_id
         JOIN entity_members m ON m.entity_id = own.entity_id
        WHERE EXISTS (SELECT 1 FROM network_edges e WHERE e.from_record = m.record_id)`,
      [recordIds],
    );
    return new Set(rows.map((row) => row.record_id.toLowerCase()));
  }

  /**
   * A record was withdrawn (call it in the withdrawal's transaction, last): the links
   * whose path went through it are searched again, and retracted when nothing explains them.
   */
  async recheckWithdrawn(manager: EntityManager, recordId: string, traceContext?: Context): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [NETWORK_LINKS_LOCK]);
    const rows: ToldLinkRow[] = await manager.query(
      `SELECT link_id, agency, own_case, other_case, 'record_withdrawn' AS cause FROM network_links
        WHERE retracted_at IS NULL AND path_records @> ARRAY[$1::uuid]`,
      [recordId],
    );
    await this.recheck(manager, new Map(), new Set(), rows, { recordId, traceContext });
  }

  /**
   * The live links, as told, resting on a value the record carries that more than LINK_COMMON_ABOVE
   * live records carry, or on the record itself (a new version may no longer carry what they rested on);
   * each with the cause it would be retracted for.
   */
  private async linksToRecheckAfter(manager: EntityManager, recordId: string): Promise<ToldLinkRow[]> {
    return manager.query(
      `WITH common AS (
         SELECT c.attribute || ':' || c.value AS value
           FROM network_attributes c
           JOIN entity_members m ON m.record_id = c.record_id
          WHERE (c.attribute, c.value) IN (SELECT attribute, value FROM network_attributes WHERE record_id = $1::uuid)
            AND m.entity_id IS NOT NULL
          GROUP BY c.attribute, c.value
         HAVING count(*) > $2
       )
       SELECT link_id, agency, own_case, other_case,
              CASE WHEN path_values && ARRAY(SELECT value FROM common) THEN 'value_common' ELSE 'record_changed' END AS cause
         FROM network_links
        WHERE retracted_at IS NULL AND (path_values && ARRAY(SELECT value FROM common) OR path_records @> ARRAY[$1::uuid])`,
      [recordId, LINK_COMMON_ABOVE],
    );
  }

  /**
   * Each side's link searched again as that side may see it, from where its two
   * records are now: still explained, it rests on the path found; else it is retracted.
   */
  private async recheck(
    manager: EntityManager,
    views: Views,
    checked: Set<string>,
    rows: ToldLinkRow[],
    trigger: { recordId: string; traceContext?: Context },
  ): Promise<void> {
    const events: OutgoingEvent<typeof NetworkLinkFoundSchema>[] = [];
    for (const row of rows) {
      const key = `${row.link_id}\u0000${row.agency}`;
      if (checked.has(key)) continue;
      checked.add(key);
      const [own, other] = await this.whereNow(manager, [row.own_case, row.other_case]);
      const path = own && other ? pathAsSeenBy(await this.viewFrom(manager, views, own), other) : undefined;
      if (path) {
        await this.rememberTold(manager, row.link_id, own!, other!, path);
        continue;
      }
      await manager.query('UPDATE network_links SET retracted_at = now() WHERE link_id = $1 AND agency = $2', [
        row.link_id,
        row.agency,
      ]);
      events.push(
        linkEvent(row.link_id, row.own_case, row.other_case, row.cause, trigger.recordId, trigger.traceContext),
      );
    }
    await this.outbox.enqueue(manager, ...events);
  }

  /** The case ends in the entities their records are in now; undefined for a record no longer live. */
  private async whereNow(manager: EntityManager, ends: CaseEnd[]): Promise<(CaseEnd | undefined)[]> {
    const rows: { record_id: string; entity_id: string }[] = await manager.query(
      'SELECT record_id, entity_id FROM entity_members WHERE record_id = ANY ($1::uuid[]) AND entity_id IS NOT NULL',
      [ends.map((end) => end.recordId)],
    );
    const entityOf = new Map(rows.map((row) => [row.record_id, row.entity_id]));
    return ends.map((end) => {
      const entityId = entityOf.get(end.recordId);
      return entityId ? { ...end, entityId } : undefined;
    });
  }

  /** The side's link, told (again): what it rests on now, live. */
  private async rememberTold(
    manager: EntityManager,
    linkId: string,
    own: CaseEnd,
    other: CaseEnd,
    path: NetworkPath,
  ): Promise<void> {
    const { values, records } = restsOn(path.edges);
    await manager.query(
      `INSERT INTO network_links (link_id, agency, own_case, other_case, path_values, path_records)
       VALUES ($1, $2, $3, $4, $5::text[], $6::uuid[])
       ON CONFLICT (link_id, agency) DO UPDATE SET
         own_case = EXCLUDED.own_case, other_case = EXCLUDED.other_case, path_values = EXCLUDED.path_values,
         path_records = EXCLUDED.path_records,
         found_at = CASE WHEN network_links.retracted_at IS NULL THEN network_links.found_at ELSE now() END,
         retracted_at = NULL`,
      [
        linkId,
        own.agency,
        JSON.stringify(own),
        JSON.stringify(other),
        values,
        [...new Set([own.recordId, other.recordId, ...records])],
      ],
    );
  }

  /** `own`'s view of the network, walked once per transaction. */
  private viewFrom(manager: EntityManager, views: Views, own: CaseEnd): Promise<NetworkWalk | undefined> {
    const viewKey = `${own.agency}\u0000${own.recordId}`;
    if (!views.has(viewKey)) views.set(viewKey, this.viewOf(manager, own));
    return views.get(viewKey)!;
  }

  private async announceFrom(
    manager: EntityManager,
    views: Views,
    entityId: string,
    recordId: string,
    traceContext?: Context,
  ): Promise<void> {
    const start = await this.graph.start(manager, null, entityId, recordId);
    if (!start) return;
    const { nodes } = await this.graph.walk(manager, null, start, LINK_HOPS, { commonAbove: LINK_COMMON_ABOVE });
    const events: OutgoingEvent<typeof NetworkLinkFoundSchema>[] = [];
    const pairs = candidatePairs([...nodes.values()].flatMap(caseEndsOf)).map(([a, b]) => ({
      a,
      b,
      linkId: linkIdOf(a, b),
    }));
    const told = await this.agenciesTold(
      manager,
      pairs.map(({ linkId }) => linkId),
    );
    for (const { a, b, linkId } of pairs) {
      for (const [own, other] of [
        [a, b],
        [b, a],
      ]) {
        const earlier = told.get(`${linkId}\u0000${own.agency}`);
        if (earlier === 'path_kept') continue;
        const path = pathAsSeenBy(await this.viewFrom(manager, views, own), other);
        if (earlier === 'path_unknown') {
          told.set(`${linkId}\u0000${own.agency}`, 'path_kept');
          events.push(...(await this.recheckUnkept(manager, linkId, own, other, path, recordId, traceContext)));
          continue;
        }
        if (!path) continue;
        await this.rememberTold(manager, linkId, own, other, path);
        events.push(linkEvent(linkId, own, other, path, recordId, traceContext));
      }
    }
    await this.outbox.enqueue(manager, ...events);
  }

  /**
   * Every agency told of one of the links and not since retracted, by `<link id>\0<agency>`: whether what its
   * path rests on is kept, or unknown (told before migration 1763800000255 kept it).
   */
  private async agenciesTold(manager: EntityManager, linkIds: string[]): Promise<Map<string, ToldPath>> {
    const rows: { link_id: string; agency: string; kept: boolean }[] = await manager.query(
      `SELECT link_id, agency, own_case IS NOT NULL AS kept FROM network_links
        WHERE link_id = ANY($1::text[]) AND retracted_at IS NULL`,
      [linkIds],
    );
    return new Map(rows.map((row) => [`${row.link_id}\u0000${row.agency}`, row.kept ? 'path_kept' : 'path_unknown']));
  }

  /**
   * A side told of a link before what its path rests on was kept (migration 1763800000255), reached again by a
   * resolution: still explained as it may see it, the link now rests on the path found (and is re-checked from
   * now on, like any other); else it is retracted. Nothing is told of the other case but its agency: its record
   * may be one the side may no longer see.
   */
  private async recheckUnkept(
    manager: EntityManager,
    linkId: string,
    own: CaseEnd,
    other: CaseEnd,
    path: NetworkPath | undefined,
    triggerRecordId: string,
    traceContext?: Context,
  ): Promise<OutgoingEvent<typeof NetworkLinkFoundSchema>[]> {
    if (path) {
      await this.rememberTold(manager, linkId, own, other, path);
      return [];
    }
    await manager.query('UPDATE network_links SET retracted_at = now() WHERE link_id = $1 AND agency = $2', [
      linkId,
      own.agency,
    ]);
    const withheld: CaseEnd = { ...other, caseRef: '', externalRef: '', recordId: '', entityId: '' };
    return [linkEvent(linkId, own, withheld, 'path_gone', triggerRecordId, traceContext)];
  }

  /** The network within LINK_HOPS of `own`'s record, as `own`'s agency may see it. */
  private async viewOf(manager: EntityManager, own: CaseEnd): Promise<NetworkWalk | undefined> {
    const start = await this.graph.start(manager, own.agency, own.entityId, own.recordId);
    if (!start?.recordIds.has(own.recordId)) return undefined;
    return this.graph.walk(manager, own.agency, start, LINK_HOPS, { commonAbove: LINK_COMMON_ABOVE });
  }
}

/** Whether what a told link's path rests on is kept (it can be re-checked), or unknown (told before it was). */
type ToldPath = 'path_kept' | 'path_unknown';

/** Each case's view of the network in one transaction (the graph does not change while it searches). */
type Views = Map<string, Promise<NetworkWalk | undefined>>;

/** A side's link as it was told. */
interface ToldLinkRow {
  link_id: string;
  agency: string;
  own_case: CaseEnd;
  other_case: CaseEnd;
  /** What would undo it, were it searched again and not found. */
  cause: RetractionCause;
}

/** The shortest path in an agency's view to `other`'s record (not merely its entity); else none. */
function pathAsSeenBy(view: NetworkWalk | undefined, other: CaseEnd): NetworkPath | undefined {
  const path = view && pathIn(view, other.entityId);
  const end = path?.entities.at(-1);
  return end?.records.some((record) => record.id === other.recordId) ? path : undefined;
}

/** The cases an entity of the walk holds, one end per record. */
function caseEndsOf(node: NetworkNode): CaseEnd[] {
  return node.view.records.map((record) => ({
    agency: record.owner,
    caseRef: record.caseRef || record.externalRef,
    entityId: node.view.entityId,
    recordId: record.id,
    externalRef: record.externalRef,
    kind: node.view.kind,
    distance: node.view.distance,
  }));
}

function caseOf(end: CaseEnd) {
  return {
    agency: end.agency,
    caseRef: end.caseRef,
    entityId: end.entityId,
    recordId: end.recordId,
    externalRef: end.externalRef,
    recordKind: end.kind,
  };
}

/**
 * One side's news of a link, on the link's key so that news of one link stays in order: found along `path`, or
 * retracted for a cause (its cases as the side was told of them, the cause in words, nothing of what no longer
 * explains it).
 */
function linkEvent(
  linkId: string,
  own: CaseEnd,
  other: CaseEnd,
  news: NetworkPath | RetractionCause,
  triggerRecordId: string,
  traceContext?: Context,
): OutgoingEvent<typeof NetworkLinkFoundSchema> {
  const found =
    typeof news !== 'string'
      ? {
          path: news.edges.map((edge) => ({
            fromEntityId: edge.from,
            toEntityId: edge.to,
            fromRecordId: edge.records[0],
            toRecordId: edge.records[1],
            reason: edge.reason,
            value: edge.value,
            score: edge.score,
            strength: edge.strength,
            explanation: edge.explanation,
          })),
          score: Math.min(...news.edges.map((edge) => edge.score)),
          foundAt: timestampNow(),
        }
      : { retractedAt: timestampNow(), retractionReason: retractionReason(news) };
  return {
    topic: Topics.networkLinks,
    key: linkId,
    schema: NetworkLinkFoundSchema,
    message: create(NetworkLinkFoundSchema, {
      linkId,
      agency: own.agency,
      ownCase: caseOf(own),
      otherCase: caseOf(other),
      triggerRecordId,
      ...found,
    }),
    traceContext,
  };
}
