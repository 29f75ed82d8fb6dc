import type { NetworkEdge, NetworkEntity, NetworkView } from '../api/types';
import { edgeKey, edgeLabel, emptyGraph, mergeHop } from './network-graph';

const entity = (entityId: string, distance: number, agencies = ['FRA']): NetworkEntity => ({
  entityId,
  kind: 'person',
  distance,
  agencies,
  records: [{ id: `r-${entityId}`, owner: agencies[0], externalRef: `X-${entityId}`, caseRef: '' }],
});
const edge = (from: string, to: string, reason: NetworkEdge['reason'] = 'phone', value = '+33612345678') =>
  ({
    from,
    to,
    records: [`r-${from}`, `r-${to}`],
    reason,
    value,
    score: 0.9,
    strength: 'strong',
    explanation: `same ${reason}`,
  }) as NetworkEdge;
const view = (entityId: string, entities: NetworkEntity[], edges: NetworkEdge[], truncated = false): NetworkView => ({
  entityId,
  depth: 1,
  entities,
  edges,
  truncated,
});

describe('the network graph, one hop at a time', () => {
  it('starts from the root and its neighbours', () => {
    const graph = mergeHop(emptyGraph('a'), view('a', [entity('a', 0), entity('b', 1)], [edge('a', 'b')]));
    expect([...graph.entities.keys()]).toEqual(['a', 'b']);
    expect(graph.edges.size).toBe(1);
    expect([...graph.expanded]).toEqual(['a']);
  });

  it('adds a neighbour’s neighbours at their distance from the root, and the edge back once', () => {
    let graph = mergeHop(emptyGraph('a'), view('a', [entity('a', 0), entity('b', 1)], [edge('a', 'b')]));
    graph = mergeHop(
      graph,
      view('b', [entity('b', 0), entity('a', 1), entity('c', 1)], [edge('b', 'a'), edge('b', 'c')]),
    );
    expect(graph.entities.get('a')?.distance).toBe(0);
    expect(graph.entities.get('c')?.distance).toBe(2);
    expect(graph.edges.size).toBe(2);
    expect([...graph.expanded]).toEqual(['a', 'b']);
  });

  it('keeps two reasons between the same entities apart', () => {
    const graph = mergeHop(
      emptyGraph('a'),
      view(
        'a',
        [entity('a', 0), entity('b', 1)],
        [edge('a', 'b'), edge('a', 'b', 'address', 'FRA|75002|rue de la paix|12')],
      ),
    );
    expect(graph.edges.size).toBe(2);
    expect(edgeKey(edge('a', 'b'))).toBe(edgeKey(edge('b', 'a')));
  });

  it('remembers that an answer was cut short', () => {
    expect(mergeHop(emptyGraph('a'), view('a', [entity('a', 0)], [], true)).truncated).toBe(true);
  });

  it.each([
    [edge('a', 'b'), 'phone +33612345678'],
    [edge('a', 'b', 'address', 'FRA|75002|rue de la paix|12'), 'address FRA 75002 rue de la paix 12'],
    [edge('a', 'b', 'relation', 'used'), 'declared: used'],
    [edge('a', 'b', 'email', 'someone.with.a.very.long.name@example.org'), 'email someone.with.a.very.long.na…'],
    [edge('a', 'b', 'registration', 'company_registration|DEU|HRB12345'), 'registration DEU HRB12345'],
  ])('labels an edge with why it exists: %#', (shown, label) => {
    expect(edgeLabel(shown)).toBe(label);
  });
});
