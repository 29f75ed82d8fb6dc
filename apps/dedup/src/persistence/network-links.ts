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
import { candidatePairs, CaseEnd, LINK_COMMON_ABOVE, LINK_HOPS, linkIdOf } from '../model/network-link';
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
   * The links the transaction's resolved records made, announced to each side not told of them yet.
   * Call it last in the transaction: it takes the lock that makes searches take turns.
   */
  async announce(manager: EntityManager, resolved: ResolvedRecord[]): Promise<void> {
    if (resolved.length === 0) return;
    await manager.query('SELECT pg_advisory_xact_lock($1)', [NETWORK_LINKS_LOCK]);
    // The graph does not change while the transaction searches it: each case's view of it is walked once.
    const views = new Map<string, Promise<NetworkWalk | undefined>>();
    for (const { entityId, recordId, traceContext } of resolved)
      await this.announceFrom(manager, views, entityId, recordId, traceContext);
  }

  private async announceFrom(
    manager: EntityManager,
    views: Map<string, Promise<NetworkWalk | undefined>>,
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
        if (told.has(`${linkId}\u0000${own.agency}`)) continue;
        const viewKey = `${own.agency}\u0000${own.recordId}`;
        if (!views.has(viewKey)) views.set(viewKey, this.viewOf(manager, own));
        const path = pathAsSeenBy(await views.get(viewKey), other);
        if (!path) continue;
        await manager.query('INSERT INTO network_links (link_id, agency) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
          linkId,
          own.agency,
        ]);
        events.push(linkEvent(linkId, own, other, path, recordId, traceContext));
      }
    }
    await this.outbox.enqueue(manager, ...events);
  }

  /** `<link id>\0<agency>` for every agency already told of one of the links. */
  private async agenciesTold(manager: EntityManager, linkIds: string[]): Promise<Set<string>> {
    const rows: { link_id: string; agency: string }[] = await manager.query(
      'SELECT link_id, agency FROM network_links WHERE link_id = ANY($1::text[])',
      [linkIds],
    );
    return new Set(rows.map((row) => `${row.link_id}\u0000${row.agency}`));
  }

  /** The network within LINK_HOPS of `own`'s record, as `own`'s agency may see it. */
  private async viewOf(manager: EntityManager, own: CaseEnd): Promise<NetworkWalk | undefined> {
    const start = await this.graph.start(manager, own.agency, own.entityId, own.recordId);
    if (!start?.recordIds.has(own.recordId)) return undefined;
    return this.graph.walk(manager, own.agency, start, LINK_HOPS, { commonAbove: LINK_COMMON_ABOVE });
  }
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

function linkEvent(
  linkId: string,
  own: CaseEnd,
  other: CaseEnd,
  path: NetworkPath,
  triggerRecordId: string,
  traceContext?: Context,
): OutgoingEvent<typeof NetworkLinkFoundSchema> {
  const caseOf = (end: CaseEnd) => ({
    agency: end.agency,
    caseRef: end.caseRef,
    entityId: end.entityId,
    recordId: end.recordId,
    externalRef: end.externalRef,
    recordKind: end.kind,
  });
  return {
    topic: Topics.networkLinks,
    key: linkId,
    schema: NetworkLinkFoundSchema,
    message: create(NetworkLinkFoundSchema, {
      linkId,
      agency: own.agency,
      ownCase: caseOf(own),
      otherCase: caseOf(other),
      path: path.edges.map((edge) => ({
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
      score: Math.min(...path.edges.map((edge) => edge.score)),
      triggerRecordId,
      foundAt: timestampNow(),
    }),
    traceContext,
  };
}
