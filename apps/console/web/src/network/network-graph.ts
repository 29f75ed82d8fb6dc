/**
 * The network page's graph, grown one hop at a time: each answer of
 * `GET /v1/entities/{id}/network?depth=1` is merged into what is shown, and
 * the entity it was asked for is marked expanded. Pure, so the page and its
 * tests build the same graph; nothing here outlives the page (no cache across
 * sessions or keys: dedup answers for the caller's agency alone).
 */
import type { NetworkEdge, NetworkEntity, NetworkView } from '../api/types';

export interface NetworkGraph {
  /** The entity the page was opened on. */
  rootId: string;
  entities: Map<string, NetworkEntity>;
  /** Keyed by `edgeKey`: one per pair of entities, reason and value. */
  edges: Map<string, NetworkEdge>;
  expanded: Set<string>;
  /** Some answer stopped growing (dedup's cap on entities). */
  truncated: boolean;
}

export function emptyGraph(rootId: string): NetworkGraph {
  return { rootId, entities: new Map(), edges: new Map(), expanded: new Set(), truncated: false };
}

/** The same edge seen from either end is one. */
export function edgeKey(edge: NetworkEdge): string {
  return [[edge.from, edge.to].sort().join('|'), edge.reason, edge.value].join('|');
}

/** The graph with one more hop around `view.entityId`; distances stay those from the root. */
export function mergeHop(graph: NetworkGraph, view: NetworkView): NetworkGraph {
  const entities = new Map(graph.entities);
  const base = entities.get(view.entityId)?.distance ?? 0;
  for (const entity of view.entities) {
    const known = entities.get(entity.entityId);
    const distance = Math.min(known?.distance ?? Infinity, base + entity.distance);
    entities.set(entity.entityId, { ...entity, distance });
  }
  const edges = new Map(graph.edges);
  for (const edge of view.edges) if (!edges.has(edgeKey(edge))) edges.set(edgeKey(edge), edge);
  return {
    ...graph,
    entities,
    edges,
    expanded: new Set([...graph.expanded, view.entityId]),
    truncated: graph.truncated || view.truncated,
  };
}

const REASON_WORDS: Record<NetworkEdge['reason'], string> = {
  phone: 'phone',
  email: 'email',
  address: 'address',
  identifier: 'identifier',
  document: 'document',
  registration: 'registration',
  relation: 'declared',
};

/**
 * What an edge says on the graph: why it exists, short (`phone +33641223301`, `declared: used`,
 * `registration DEU HRB12345`).
 */
export function edgeLabel(edge: NetworkEdge): string {
  if (edge.reason === 'relation') return `declared: ${edge.value}`;
  const value =
    edge.reason === 'address'
      ? edge.value.split('|').filter(Boolean).join(' ')
      : edge.reason === 'registration'
        ? edge.value.split('|').slice(1).join(' ')
        : edge.value;
  const shown = value.length > 28 ? `${value.slice(0, 27)}…` : value;
  return `${REASON_WORDS[edge.reason]} ${shown}`;
}
