/**
 * The network as one agency may see it, walked breadth first: the entities
 * reachable from one in up to `depth` hops over edges between records (a
 * shared phone, email, address, identifier or document, or a relation an
 * agency declared), each edge labelled with why it exists and scored
 * (model/network-edge.ts). The network routes (network/) answer with it, and
 * resolution (network-links.ts) finds the links between agencies' cases with it.
 *
 * Dissemination, as view-entity applies it: an edge exists for the viewer only
 * when it may see both records that make it; shared-value counts are over the
 * records it may see; each entity shows only the members its visible ones hold
 * together (model/visible-evidence.ts), from the member the edge reached, so
 * no node tells of a hidden record bridging two visible ones. An entity
 * reached again through a member outside the part already shown is not joined
 * to it (that would tell of the bridge); that edge is left out. The viewer
 * `null` is dedup itself: it sees every live record, and never answers anyone
 * with what it sees.
 *
 * Each hop is one query over `network_edges` for the whole frontier, then the
 * members of the entities it reached. The path between two entities is the
 * same search stopped at its target: the first way it is reached has the
 * fewest hops.
 */
import { Injectable } from '@nestjs/common';
import { fromBinary } from '@bufbuild/protobuf';
import { maySee } from '@crosscheck/auth';
import { SharedRecordSchema } from '@crosscheck/contracts';
import { scoreRecords } from '@crosscheck/resolution';
import { EntityManager } from 'typeorm';
import { DedupConfig } from '../dedup.config';
import {
  attributeEdgeStrength,
  COMMON_VALUE_RECORDS,
  DECLARED,
  explainAttribute,
  explainRelation,
} from '../model/network-edge';
import type { SharedAttribute } from '../model/network-evidence';
import { visibleComponent } from '../model/visible-evidence';
import { EntitiesRepository, Member } from './entities.repository';
import { NetworkEdgeRow, NetworkRepository } from './network.repository';

/** Past this many entities a walk stops growing and says so (`truncated`). */
const MAX_ENTITIES = 200;
/** As in view-entity: past this many visible members of one entity only the oldest are shown. */
const MAX_MEMBERS = 100;

/** An agency, or `null` for dedup itself (every live record). */
export type Viewer = string | null;

export interface NetworkEntityView {
  entityId: string;
  kind: string;
  /** Hops from the entity the walk started from. */
  distance: number;
  /** The agencies whose records are shown: more than one is a link between their cases. */
  agencies: string[];
  records: { id: string; owner: string; externalRef: string; caseRef: string }[];
}

export interface NetworkEdgeView {
  from: string;
  to: string;
  records: [string, string];
  reason: string;
  /** The shared value, or the declared role. */
  value: string;
  score: number;
  strength: 'declared' | 'strong' | 'weak';
  explanation: string;
  /** For a declared relation: the record that declares it, its period. */
  declaredBy?: string;
  since?: string;
  until?: string;
}

export interface NetworkNode {
  view: NetworkEntityView;
  recordIds: Set<string>;
  /** The first edge that reached this entity, and the entity it came from: the shortest path back. */
  reachedBy?: NetworkEdgeView;
  previous?: string;
}

export interface NetworkWalk {
  nodes: Map<string, NetworkNode>;
  edges: Map<string, NetworkEdgeView>;
  truncated: boolean;
}

/** A shortest path: its entities in order and the edge between each two. */
export interface NetworkPath {
  entities: NetworkEntityView[];
  edges: NetworkEdgeView[];
}

@Injectable()
export class NetworkGraph {
  constructor(
    private readonly entities: EntitiesRepository,
    private readonly repository: NetworkRepository,
    private readonly config: DedupConfig,
  ) {}

  /** The entity (a merged id: its survivor) as the viewer may see it, from `through` or else its oldest member. */
  async start(
    manager: EntityManager,
    viewer: Viewer,
    entityId: string,
    through?: string,
  ): Promise<NetworkNode | undefined> {
    const survivor = await this.entities.resolveEntityId(manager, entityId);
    return survivor
      ? this.node(manager, viewer, await this.entities.members(manager, survivor), survivor, 0, through)
      : undefined;
  }

  /**
   * Breadth first from `start`, hop by hop, up to `depth` hops or until `until` (an entity id) is reached.
   * A value more than `commonAbove` records carry makes no edge (COMMON_VALUE_RECORDS: weak edges count).
   */
  async walk(
    manager: EntityManager,
    viewer: Viewer,
    start: NetworkNode,
    depth: number,
    { until, commonAbove = COMMON_VALUE_RECORDS }: { until?: string; commonAbove?: number } = {},
  ): Promise<NetworkWalk> {
    const nodes = new Map<string, NetworkNode>([[start.view.entityId, start]]);
    const nodeOfRecord = new Map([...start.recordIds].map((recordId) => [recordId, start]));
    const edges = new Map<string, NetworkEdgeView>();
    let frontier = [...start.recordIds];
    let truncated = false;
    for (let hop = 1; hop <= depth && frontier.length > 0 && !(until && nodes.has(until)); hop++) {
      const rows = await this.repository.edgesFrom(manager, viewer, frontier, commonAbove);
      frontier = [];
      // The members of every entity the hop reaches, in one query.
      const reachable = [...new Set(rows.map((row) => row.toEntity))].filter((entityId) => !nodes.has(entityId));
      const membersOf = await this.entities.membersOf(manager, reachable);
      for (const row of rows) {
        const from = nodeOfRecord.get(row.fromRecord)!;
        let to = nodeOfRecord.get(row.toRecord);
        if (!to) {
          if (nodes.has(row.toEntity)) continue; // another part of a shown entity: joining them would tell of a bridge
          if (nodes.size >= MAX_ENTITIES) {
            truncated = true;
            continue;
          }
          const reached = await this.node(
            manager,
            viewer,
            membersOf.get(row.toEntity) ?? [],
            row.toEntity,
            hop,
            row.toRecord,
          );
          if (!reached) continue;
          to = reached;
          nodes.set(row.toEntity, reached);
          for (const recordId of reached.recordIds) nodeOfRecord.set(recordId, reached);
          frontier.push(...reached.recordIds);
        }
        if (to === from) continue;
        const edge = edgeView(from.view.entityId, to.view.entityId, row, from, to);
        if (!edge) continue;
        if (!to.reachedBy && to !== start) Object.assign(to, { reachedBy: edge, previous: from.view.entityId });
        const key = [edge.from, edge.to].sort().join('|') + `|${edge.reason}|${edge.value}`;
        if (!edges.has(key)) edges.set(key, edge);
      }
    }
    return { nodes, edges, truncated };
  }

  /** The shortest path from `start` to the entity `target` within `maxHops` the viewer may see; undefined when none. */
  async path(
    manager: EntityManager,
    viewer: Viewer,
    start: NetworkNode,
    target: string,
    maxHops: number,
  ): Promise<{ path?: NetworkPath; truncated: boolean }> {
    const walk = await this.walk(manager, viewer, start, maxHops, { until: target });
    const path = pathIn(walk, target);
    return { path, truncated: path ? false : walk.truncated };
  }

  /** The part of an entity (its `live` members) the viewer's visible members hold together, from `through` or else the oldest. */
  private async node(
    manager: EntityManager,
    viewer: Viewer,
    live: Member[],
    entityId: string,
    distance: number,
    through?: string,
  ): Promise<NetworkNode | undefined> {
    let members = live;
    if (viewer !== null) {
      const visible = live.filter((member) => maySee(viewer, member)).slice(0, MAX_MEMBERS);
      // Contact details weigh by how many records the viewer may see carry them (contact-details.ts).
      const carriers = await this.repository.carriersSeenBy(
        manager,
        viewer,
        visible.map((member) => member.facts),
      );
      members = visibleComponent(
        visible,
        (a: Member, b: Member) => scoreRecords(a.facts, b.facts, carriers),
        this.config.DEDUP_SAME_ENTITY_THRESHOLD,
        through,
      ).map(({ member }) => member);
    }
    if (members.length === 0) return undefined;
    return {
      recordIds: new Set(members.map((member) => member.recordId)),
      view: {
        entityId,
        kind: members[0].kind,
        distance,
        agencies: [...new Set(members.map((member) => member.owner))].sort(),
        records: members.map(recordSummary),
      },
    };
  }
}

/** The way a walk first reached `target` from its start: the fewest hops; undefined when it did not. */
export function pathIn(walk: NetworkWalk, target: string): NetworkPath | undefined {
  const end = walk.nodes.get(target);
  if (!end) return undefined;
  const onPath: NetworkNode[] = [end];
  while (onPath[0].previous) onPath.unshift(walk.nodes.get(onPath[0].previous)!);
  return { entities: onPath.map((node) => node.view), edges: onPath.slice(1).map((node) => node.reachedBy!) };
}

function recordSummary(member: Member): NetworkEntityView['records'][number] {
  const record = member.record ? fromBinary(SharedRecordSchema, member.record) : undefined;
  return {
    id: member.recordId,
    owner: member.owner,
    externalRef: record?.externalRef ?? '',
    caseRef: record?.caseRef ?? '',
  };
}

function edgeView(
  from: string,
  to: string,
  row: NetworkEdgeRow,
  a: NetworkNode,
  b: NetworkNode,
): NetworkEdgeView | undefined {
  const records: [string, string] = [row.fromRecord, row.toRecord];
  if (row.reason === 'relation') {
    const declarer = a.recordIds.has(row.declaredBy!) ? a : b;
    const owner = declarer.view.records.find((record) => record.id === row.declaredBy)?.owner ?? '';
    return {
      from,
      to,
      records,
      reason: 'relation',
      value: row.value,
      ...DECLARED,
      explanation: explainRelation(owner, row.value, row.since, row.until),
      declaredBy: row.declaredBy!,
      ...(row.since ? { since: row.since } : {}),
      ...(row.until ? { until: row.until } : {}),
    };
  }
  const attribute = row.reason as SharedAttribute;
  const strength = attributeEdgeStrength(attribute, row.recordsSharing ?? 0);
  if (!strength) return undefined;
  return {
    from,
    to,
    records,
    reason: attribute,
    value: row.value,
    ...strength,
    explanation: explainAttribute(attribute, row.value, row.recordsSharing ?? 0),
  };
}
