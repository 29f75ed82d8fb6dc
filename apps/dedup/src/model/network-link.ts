/**
 * Which pairs of cases a resolution may have linked, and how a link is named.
 * An agency's case is the records it shared under one `caseRef` (a record
 * without one is a case of its own). A resolution adds a record to an entity;
 * from that entity, the network within LINK_HOPS hops (strong and declared
 * edges) holds every path the record may have made: from the entity's own
 * cases to the cases reached, and, through the entity, between two cases one
 * hop away on either side. Pairs of
 * the same agency, or inside one entity (a shared member, which dedup's entity
 * view already shows as a link), are not network links.
 */
import { createHash } from 'node:crypto';
import { RARE_VALUE_RECORDS } from './network-edge';

/** How many hops a network link may take: beyond two, a path says too little to alert anyone. */
export const LINK_HOPS = 2;
/**
 * Links rest on strong and declared edges only: a value more records carry
 * than this (an NGO's office, a shelter) is a weak edge, shown in the network
 * but too common to alert anyone of a link between cases.
 */
export const LINK_COMMON_ABOVE = RARE_VALUE_RECORDS;
/** The pairs one resolution looks at, at most: past them, a hub's neighbours are not each other's news. */
export const MAX_LINK_PAIRS = 50;

export interface CaseEnd {
  agency: string;
  /** The case reference, or the record's externalRef when it has none. */
  caseRef: string;
  entityId: string;
  recordId: string;
  externalRef: string;
  kind: string;
  /** Hops from the resolved record's entity. */
  distance: number;
}

/** The same for both sides: the two cases' names, sorted, hashed. */
export function linkIdOf(a: CaseEnd, b: CaseEnd): string {
  const [first, second] = [caseKey(a), caseKey(b)].sort();
  return createHash('sha256').update(`${first}\u0001${second}`).digest('hex').slice(0, 32);
}

/**
 * The pairs of cases of two agencies a resolution may have linked, given the
 * cases within LINK_HOPS of the resolved record's entity (distance 0: its
 * own). One pair per two cases, through the nearest records; at most MAX_LINK_PAIRS.
 */
export function candidatePairs(ends: CaseEnd[]): [CaseEnd, CaseEnd][] {
  const nearest = new Map<string, CaseEnd>();
  for (const end of ends) {
    const known = nearest.get(caseKey(end));
    if (!known || end.distance < known.distance) nearest.set(caseKey(end), end);
  }
  const cases = [...nearest.values()].sort((a, b) => a.distance - b.distance);
  const pairs: [CaseEnd, CaseEnd][] = [];
  for (const [index, a] of cases.entries()) {
    for (const b of cases.slice(index + 1)) {
      if (pairs.length >= MAX_LINK_PAIRS) return pairs;
      // Through the resolved record's entity: from it (0 + up to 2), or across it (1 + 1).
      if (a.distance + b.distance <= LINK_HOPS && a.agency !== b.agency && a.entityId !== b.entityId)
        pairs.push([a, b]);
    }
  }
  return pairs;
}

function caseKey(end: CaseEnd): string {
  return `${end.agency}\u0000${end.caseRef}`;
}

/** A shared value as a link's path rests on it: `<attribute>:<value>`. */
export function valueKey(attribute: string, value: string): string {
  return `${attribute}:${value}`;
}

/** One edge of a path, as much as says what it rests on. */
export interface PathEdge {
  records: [string, string];
  reason: string;
  value: string;
}

/**
 * What a side's view of a link rests on: the shared values of its attribute
 * edges (a declared relation rests on its records alone), and every record on
 * it. A value on it growing common, or a record on it withdrawn, is when the
 * link must be searched again.
 */
export function restsOn(edges: PathEdge[]): { values: string[]; records: string[] } {
  const values = edges.filter((edge) => edge.reason !== 'relation').map((edge) => valueKey(edge.reason, edge.value));
  return {
    values: [...new Set(values)].sort(),
    records: [...new Set(edges.flatMap((edge) => edge.records))].sort(),
  };
}

/**
 * What undid a side's link: a value on its path grew common, a record on it
 * came in a new version, or a record on it was withdrawn; or, for a link told
 * before its path was kept, the side no longer has a path when it is reached again.
 */
export type RetractionCause = 'value_common' | 'record_changed' | 'record_withdrawn' | 'path_gone';

/**
 * Why a link no longer holds, as the side is told: the cause in words, never
 * the record or value that caused it, nor how many records carry a value (the
 * side was told the path, so a record or value on it is its own to recall).
 */
export function retractionReason(cause: RetractionCause): string {
  const unexplained = 'and no other path of strong or declared edges your agency may see links the two cases';
  switch (cause) {
    case 'value_common':
      return `a value shared along the path became too common to link cases, ${unexplained}`;
    case 'record_changed':
      return `a record on the path came in a new version that no longer carries what linked it, ${unexplained}`;
    case 'record_withdrawn':
      return `a record on the path was withdrawn or expired, ${unexplained}`;
    case 'path_gone':
      return `the path your agency was told no longer links the two cases, ${unexplained}`;
  }
}
