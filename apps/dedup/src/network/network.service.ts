/**
 * An entity's network, and the path between two entities, as the calling
 * agency may see them (persistence/network-graph.ts walks the graph and
 * applies dissemination). Cases of different agencies are linked by a shared
 * member (an entity whose shown members come from several agencies: `agencies`
 * on the node) and by the edges between entities.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { ApiError } from '@crosscheck/runtime';
import { DataSource, EntityManager } from 'typeorm';
import { NetworkEdgeView, NetworkEntityView, NetworkGraph, NetworkNode } from '../persistence/network-graph';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const MAX_DEPTH = 3;
/** How many hops a path may take. */
export const MAX_PATH_HOPS = 6;

export interface NetworkView {
  entityId: string;
  depth: number;
  entities: NetworkEntityView[];
  edges: NetworkEdgeView[];
  truncated: boolean;
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

@Injectable()
export class NetworkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly graph: NetworkGraph,
  ) {}

  async of(agency: string, entityId: string, depth: number): Promise<NetworkView> {
    const manager = this.dataSource.manager;
    const start = await this.start(manager, agency, entityId);
    const { nodes, edges, truncated } = await this.graph.walk(manager, agency, start, depth);
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
    const { path, truncated } = await this.graph.path(manager, agency, start, target, maxHops);
    const ends = { from: start.view.entityId, to: target };
    return path
      ? { ...ends, found: true, truncated: false, ...path }
      : { ...ends, found: false, truncated, entities: [], edges: [] };
  }

  /** The entity asked about (a merged id: its survivor), as the caller may see it; else `404`. */
  private async start(manager: EntityManager, agency: string, entityId: string): Promise<NetworkNode> {
    const start = UUID.test(entityId) ? await this.graph.start(manager, agency, entityId) : undefined;
    if (!start) throw new ApiError(HttpStatus.NOT_FOUND, 'not_found', 'entity not found');
    return start;
  }
}
