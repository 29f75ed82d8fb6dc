/**
 * An entity's network as one agency may see it: the entities reachable from it
 * in up to `depth` hops over edges between records (a shared phone, email,
 * address, identifier or document, or a relation an agency declared), each
 * edge labelled with why it exists and scored (network-edge.ts).
 *
 * Dissemination, as view-entity applies it: an edge exists for the caller only
 * when it may see both records that make it; shared-value counts are over the
 * records it may see; each entity shows only the members its visible ones hold
 * together (model/visible-evidence.ts), from the member the edge reached, so
 * no node tells of a hidden record bridging two visible ones. An entity
 * reached again through a member outside the part already shown is not joined
 * to it (that would tell of the bridge); that edge is left out.
 *
 * Cases of different agencies are linked by a shared member (an entity whose
 * shown members come from several agencies: `agencies` on the node) and by
 * the edges between entities.
 *
 * Breadth first, hop by hop: each hop is one query over `network_edges` for
 * the whole frontier, then the members of the entities it reached. The path
 * between two entities is the same search stopped at its target: the first way
 * it is reached has the fewest hops.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { fromBinary } from '@bufbuild/protobuf';
import { maySee } from '@crosscheck/auth';
import { SharedRecordSchema } from '@crosscheck/contracts';
import { scoreRecords } from '@crosscheck/resolution';
import { ApiError } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
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
import { EntitiesRepository, Member } from '../persistence/entities.repository';
import { NetworkEdgeRow, NetworkRepository } from '../persistence/network.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const MAX_DEPTH = 3;
/** How many hops a path may take. */
export const MAX_PATH_HOPS = 6;
/** Past this many entities the answer stops growing and says so (`truncated`). */
const MAX_ENTITIES = 200;
/** As in view-entity: past this many visible members of one entity only the oldest are shown. */
const MAX_MEMBERS = 100;

export interface NetworkView {
  entityId: string;
  depth: number;
  entities: NetworkEntityView[];
  edges: NetworkEdgeView[];
  truncated: boolean;
}

interface NetworkEntityView {
  entityId: string;
  kind: string;
  /** Hops from the entity asked about. */
  distance: number;
  /** The agencies whose records are shown: more than one is a link between their cases. */
  agencies: string[];
  records: { id: string; owner: string; externalRef: string; caseRef: string }[];
}

interface NetworkEdgeView {
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

export interface PathView {
  from: string;
  to: string;
  found: boolean;
  truncated: boolean;
  /** From `from` to `to`, in order. */
  entities: NetworkEntityView[];
  /** The edge between each entity and the next. */
  edges: NetworkEdgeView[];
}

interface Node {
  view: NetworkEntityView;
  recordIds: Set<string>;
  /** The first edge that reached this entity, and the entity it came from: the shortest path back. */
  reachedBy?: NetworkEdgeView;
  previous?: string;
}

@Injectable()
export class NetworkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly entities: EntitiesRepository,
    private readonly repository: NetworkRepository,
    private readonly config: DedupConfig,
  ) {}

  async of(agency: string, entityId: string, depth: number): Promise<NetworkView> {
    const manager = this.dataSource.manager;
    const start = await this.start(manager, agency, entityId);
    const { nodes, edges, truncated } = await this.explore(manager, agency, start, depth);
    return {
      entityId: start.view.entityId,
      depth,
      entities: [...nodes.values()].map((node) => node.view),
      edges: [...edges.values()].sort((a, b) => b.score - a.score || a.explanation.localeCompare(b.explanation)),
      truncated,
    };
  }

  /**
   * The shortest explained path from one entity to another within `maxHops`: the entities on it in
   * order and the edge between each two. `found: false` when there is none the caller may see
   * (`truncated` when the search stopped at its size bound first); either end hidden is `404`.
   */
  async path(agency: string, fromId: string, toId: string, maxHops: number): Promise<PathView> {
    const manager = this.dataSource.manager;
    const start = await this.start(manager, agency, fromId);
    const target = (await this.start(manager, agency, toId)).view.entityId;
    const { nodes, truncated } = await this.explore(manager, agency, start, maxHops, target);
    const end = nodes.get(target);
    if (!end) return { from: start.view.entityId, to: target, found: false, truncated, entities: [], edges: [] };
    const onPath: Node[] = [end];
    while (onPath[0].previous) onPath.unshift(nodes.get(onPath[0].previous)!);
    return {
      from: start.view.entityId,
      to: target,
      found: true,
      truncated: false,
      entities: onPath.map((node) => node.view),
      edges: onPath.slice(1).map((node) => node.reachedBy!),
    };
  }

  /** The entity asked about (a merged id: its survivor), as the caller may see it; else `404`. */
  private async start(manager: EntityManager, agency: string, entityId: string): Promise<Node> {
    const survivor = UUID.test(entityId) ? await this.entities.resolveEntityId(manager, entityId) : undefined;
    const start = survivor && (await this.node(manager, agency, survivor, 0));
    if (!start) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'entity not found');
    return start;
  }

  /** Breadth first from `start`, hop by hop, up to `depth` hops or until `until` (an entity id) is reached. */
  private async explore(
    manager: EntityManager,
    agency: string,
    start: Node,
    depth: number,
    until?: string,
  ): Promise<{ nodes: Map<string, Node>; edges: Map<string, NetworkEdgeView>; truncated: boolean }> {
    const nodes = new Map<string, Node>([[start.view.entityId, start]]);
    const nodeOfRecord = new Map([...start.recordIds].map((recordId) => [recordId, start]));
    const edges = new Map<string, NetworkEdgeView>();
    let frontier = [...start.recordIds];
    let truncated = false;
    for (let hop = 1; hop <= depth && frontier.length > 0 && !(until && nodes.has(until)); hop++) {
      const rows = await this.repository.edgesFrom(manager, agency, frontier, COMMON_VALUE_RECORDS);
      frontier = [];
      for (const row of rows) {
        const from = nodeOfRecord.get(row.fromRecord)!;
        let to = nodeOfRecord.get(row.toRecord);
        if (!to) {
          if (nodes.has(row.toEntity)) continue; // another part of a shown entity: joining them would tell of a bridge
          if (nodes.size >= MAX_ENTITIES) {
            truncated = true;
            continue;
          }
          const reached = await this.node(manager, agency, row.toEntity, hop, row.toRecord);
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

  /** The part of an entity the caller's visible members hold together, from `through` or else the oldest. */
  private async node(
    manager: EntityManager,
    agency: string,
    entityId: string,
    distance: number,
    through?: string,
  ): Promise<Node | undefined> {
    const visible = (await this.entities.members(manager, entityId))
      .filter((member) => maySee(agency, member))
      .slice(0, MAX_MEMBERS);
    const sameAt = this.config.DEDUP_SAME_ENTITY_THRESHOLD;
    const carriers = await this.repository.carriersSeenBy(
      manager,
      agency,
      visible.map((member) => member.facts),
    );
    const component = visibleComponent(
      visible,
      (a: Member, b: Member) => scoreRecords(a.facts, b.facts, carriers),
      sameAt,
      through,
    );
    if (component.length === 0) return undefined;
    const members = component.map(({ member }) => member);
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

function recordSummary(member: Member): NetworkEntityView['records'][number] {
  const record = member.record ? fromBinary(SharedRecordSchema, member.record) : undefined;
  return {
    id: member.recordId,
    owner: member.owner,
    externalRef: record?.externalRef ?? '',
    caseRef: record?.caseRef ?? '',
  };
}

function edgeView(from: string, to: string, row: NetworkEdgeRow, a: Node, b: Node): NetworkEdgeView | undefined {
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
