/**
 * An entity's network (`/network/<entity id>`): the graph of the entities
 * linked to it, grown one hop at a time (tap a node, or its Expand button),
 * each edge labelled with why it exists; tapping an edge lays its two records
 * side by side. Everything comes from dedup through the console's proxy with
 * the session's key, so only what the agency may see; it lives in the page's
 * memory and goes with it. A chunk of its own (Cytoscape.js is most of it):
 * the alerts and frontline pages never load it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { NetworkEntity, SharedRecord } from '../api/types';
import { headline } from '../format/record-view';
import { GraphCanvas, type GraphEdge, type GraphNode } from './GraphCanvas';
import { edgeLabel, emptyGraph, mergeHop, type NetworkGraph } from './network-graph';
import { RecordPair, type ShownRecord } from './RecordPair';
import './network.css';

type Problem = { state: 'none' } | { state: 'hidden' } | { state: 'error'; message: string };

export function NetworkPage({ entityId, agency }: { entityId: string; agency: string }) {
  const [graph, setGraph] = useState<NetworkGraph>(() => emptyGraph(entityId));
  const [problem, setProblem] = useState<Problem>({ state: 'none' });
  const [loading, setLoading] = useState<string | undefined>(entityId);
  const [selected, setSelected] = useState<string | undefined>();
  // What dedup showed of each record, by record id: null when it no longer shows it.
  const [records, setRecords] = useState<Map<string, SharedRecord | null>>(() => new Map());
  const asked = useRef(new Set<string>());

  const loadRecords = useCallback(async (recordIds: string[]) => {
    const wanted = recordIds.filter((id) => !asked.current.has(id));
    wanted.forEach((id) => asked.current.add(id));
    await Promise.all(
      wanted.map(async (recordId) => {
        const shown = await api.entityOfRecord(recordId).then(
          (entity) => entity.records,
          () => [],
        );
        setRecords((known) => {
          const next = new Map(known);
          for (const member of shown) next.set(member.id, member.record);
          if (!next.has(recordId)) next.set(recordId, null);
          return next;
        });
      }),
    );
  }, []);

  const expand = useCallback(
    async (id: string) => {
      setLoading(id);
      try {
        const view = await api.network(id);
        setGraph((current) => mergeHop(current, view));
        // One record per new entity names its node; the rest load when an edge is opened.
        void loadRecords(view.entities.map((entity) => entity.records[0]?.id).filter(Boolean));
        setProblem({ state: 'none' });
      } catch (error) {
        if (error instanceof ApiError && error.status === 404 && id === entityId) setProblem({ state: 'hidden' });
        else setProblem({ state: 'error', message: error instanceof ApiError ? error.message : String(error) });
      } finally {
        setLoading(undefined);
      }
    },
    [entityId, loadRecords],
  );

  useEffect(() => {
    void expand(entityId);
  }, [entityId, expand]);

  const onNodeTap = useCallback(
    (id: string) => {
      if (!graph.expanded.has(id) && loading === undefined) void expand(id);
    },
    [graph.expanded, loading, expand],
  );
  const openEdge = useCallback(
    (key: string) => {
      const edge = graph.edges.get(key);
      if (!edge) return;
      setSelected(key);
      void loadRecords(edge.records);
    },
    [graph.edges, loadRecords],
  );

  const nameOf = useCallback(
    (entity: NetworkEntity) =>
      entity.records.map((record) => headline(records.get(record.id) ?? undefined)).find(Boolean) ||
      entity.records[0]?.externalRef ||
      entity.entityId.slice(0, 8),
    [records],
  );
  const entities = [...graph.entities.values()].sort((a, b) => a.distance - b.distance);
  const nodes = useMemo<GraphNode[]>(
    () =>
      [...graph.entities.values()].map((entity) => ({
        id: entity.entityId,
        label: `${nameOf(entity)}\n${entity.agencies.join(' · ')}`,
        root: entity.entityId === graph.rootId,
        distance: entity.distance,
        expanded: graph.expanded.has(entity.entityId),
        shared: entity.agencies.length > 1,
      })),
    [graph, nameOf],
  );
  const edges = useMemo<GraphEdge[]>(
    () =>
      [...graph.edges].map(([key, edge]) => ({
        id: key,
        source: edge.from,
        target: edge.to,
        label: edgeLabel(edge),
        strength: edge.strength,
      })),
    [graph.edges],
  );
  const selectedEdge = selected ? graph.edges.get(selected) : undefined;
  const shownRecord = (id: string): ShownRecord => ({ id, owner: ownerOf(id), record: records.get(id) ?? undefined });
  const ownerOf = (recordId: string) =>
    [...graph.entities.values()].flatMap((entity) => entity.records).find((record) => record.id === recordId)?.owner ??
    '';

  if (problem.state === 'hidden')
    return (
      <div className="network-page">
        <p className="banner" data-testid="network-none">
          No entity you may see has this id.
        </p>
      </div>
    );

  return (
    <div className="network-page">
      <section className="panel network-graph-panel" aria-labelledby="network-title">
        <div className="panel-head">
          <h2 id="network-title">
            Network of {graph.entities.get(entityId) ? nameOf(graph.entities.get(entityId)!) : '…'}
          </h2>
          <span className="muted" role="status" aria-live="polite" data-testid="network-status">
            {loading
              ? 'Loading…'
              : `${graph.entities.size} entities · ${graph.edges.size} links${graph.truncated ? ' · cut at 200' : ''}`}
          </span>
        </div>
        {problem.state === 'error' && <p className="banner error">Could not load the network: {problem.message}</p>}
        <GraphCanvas nodes={nodes} edges={edges} onNodeTap={onNodeTap} onEdgeTap={openEdge} />
        <p className="muted legend">
          Tap an entity to show its links; tap a link to see its two records side by side. A ringed entity holds records
          of several agencies; a dashed link is a value many records share, a purple one a declared relation.
        </p>
      </section>
      <aside className="network-lists" aria-label="Entities and links">
        <section className="panel">
          <h2>Entities</h2>
          <ul className="network-entities">
            {entities.map((entity) => (
              <li key={entity.entityId} data-entity={entity.entityId}>
                <span className="member-name">{nameOf(entity)}</span>
                {entity.agencies.map((code) => (
                  <span key={code} className={`agency-tag${code === agency ? ' own' : ''}`}>
                    {code}
                  </span>
                ))}
                <span className="muted">
                  {entity.distance === 0 ? 'start' : `${entity.distance} hop${entity.distance > 1 ? 's' : ''}`}
                </span>
                <button
                  type="button"
                  className="secondary small"
                  disabled={graph.expanded.has(entity.entityId) || loading !== undefined}
                  onClick={() => void expand(entity.entityId)}
                >
                  {graph.expanded.has(entity.entityId) ? 'Expanded' : 'Expand'}
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          <h2>Links</h2>
          <ul className="network-edges">
            {[...graph.edges].map(([key, edge]) => (
              <li key={key}>
                <button type="button" className="link-button" onClick={() => openEdge(key)}>
                  {edgeLabel(edge)}
                </button>
                <span className="muted">{edge.explanation}</span>
              </li>
            ))}
          </ul>
        </section>
      </aside>
      {selectedEdge && (
        <div className="network-pair">
          <RecordPair
            edge={selectedEdge}
            records={[shownRecord(selectedEdge.records[0]), shownRecord(selectedEdge.records[1])]}
            onClose={() => setSelected(undefined)}
          />
        </div>
      )}
    </div>
  );
}
