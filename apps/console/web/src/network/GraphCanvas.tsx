/**
 * The network drawn with Cytoscape.js, in rings by hops from the start: an entity is a node (its name, its
 * agencies; several agencies is a link between their cases), an edge says why
 * it exists (`phone +33…`, `declared: used`), dashed when weak. Tapping a node
 * asks for its next hop; tapping an edge opens its two records side by side.
 * The page passes what to draw; this only draws it and says what was tapped.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef } from 'react';

export interface GraphNode {
  id: string;
  label: string;
  /** The node the page was opened on. */
  root: boolean;
  /** Hops from the root. */
  distance: number;
  expanded: boolean;
  /** Records of more than one agency: a link between their cases. */
  shared: boolean;
}

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  strength: 'declared' | 'strong' | 'weak';
}

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': '140px',
      'text-valign': 'bottom',
      'text-margin-y': 6,
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#1f2937',
      'background-color': '#94a3b8',
      width: 26,
      height: 26,
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node[?expanded]', style: { 'background-color': '#2563eb' } },
  { selector: 'node[?shared]', style: { 'border-color': '#f59e0b', 'border-width': 4 } },
  { selector: 'node[?root]', style: { width: 34, height: 34, 'background-color': '#1d4ed8' } },
  { selector: 'node:selected', style: { 'overlay-opacity': 0.15, 'overlay-color': '#2563eb' } },
  {
    selector: 'edge',
    style: {
      label: 'data(label)',
      'font-size': 10,
      'font-family': 'system-ui, sans-serif',
      color: '#374151',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-rotation': 'none',
      width: 2,
      'line-color': '#64748b',
      'curve-style': 'bezier',
    },
  },
  { selector: 'edge[strength = "declared"]', style: { 'line-color': '#7c3aed', width: 3 } },
  { selector: 'edge[strength = "weak"]', style: { 'line-style': 'dashed', 'line-color': '#9ca3af' } },
  { selector: 'edge:selected', style: { 'line-color': '#f59e0b', width: 4 } },
];

const READING_ZOOM = 1.1;
const MAX_RING = 100;

export function GraphCanvas({
  nodes,
  edges,
  onNodeTap,
  onEdgeTap,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  onNodeTap: (entityId: string) => void;
  onEdgeTap: (edgeId: string) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef<Core | null>(null);
  const taps = useRef({ onNodeTap, onEdgeTap });
  taps.current = { onNodeTap, onEdgeTap };

  useEffect(() => {
    const cy = cytoscape({
      container: container.current,
      style: STYLE,
      minZoom: 0.3,
      maxZoom: 2.5,
      wheelSensitivity: 0.3,
    });
    cy.on('tap', 'node', (event) => taps.current.onNodeTap(event.target.id()));
    cy.on('tap', 'edge', (event) => taps.current.onEdgeTap(event.target.id()));
    graph.current = cy;
    return () => {
      cy.destroy();
      graph.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = graph.current;
    if (!cy) return;
    const elements: ElementDefinition[] = [
      ...nodes.map((node) => ({ group: 'nodes' as const, data: { ...node } })),
      ...edges.map((edge) => ({ group: 'edges' as const, data: { ...edge } })),
    ];
    const before = new Set(cy.elements().map((element) => element.id()));
    cy.batch(() => {
      for (const element of elements) {
        const existing = cy.getElementById(element.data.id!);
        if (existing.nonempty()) existing.data(element.data);
        else cy.add(element);
      }
    });
    const grown = elements.some((element) => !before.has(element.data.id!));
    if (!grown) return;
    // Rings by hops from the entity the page was opened on: each expansion adds the next ring.
    cy.layout({
      name: 'concentric',
      animate: false,
      concentric: (node) => MAX_RING - Number(node.data('distance')),
      levelWidth: () => 1,
      minNodeSpacing: 150,
      padding: 50,
    }).run();
    // A few nodes fitted to the canvas would be drawn huge; keep them at reading size, centred.
    if (cy.zoom() > READING_ZOOM) {
      cy.zoom(READING_ZOOM);
      cy.center();
    }
  }, [nodes, edges]);

  return <div ref={container} className="graph-canvas" data-testid="network-graph" />;
}
