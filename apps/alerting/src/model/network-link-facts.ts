/**
 * What alerting keeps of a `NetworkLinkFound` message: the agency told, its
 * own case and the other agency's, and the path between them with each edge
 * explained. dedup has already searched the path as this agency may see it,
 * so everything here is the agency's to read; the path in words is the
 * alert's explanation.
 */
import type { NetworkCase, NetworkLinkFound } from '@crosscheck/contracts';

export interface NetworkCaseFacts {
  agency: string;
  caseRef: string;
  entityId: string;
  recordId: string;
  externalRef: string;
  recordKind: string;
}

export interface NetworkLinkStepFacts {
  fromEntityId: string;
  toEntityId: string;
  fromRecordId: string;
  toRecordId: string;
  reason: string;
  value: string;
  score: number;
  strength: string;
  explanation: string;
}

export interface NetworkLinkFacts {
  linkId: string;
  agency: string;
  ownCase: NetworkCaseFacts;
  otherCase: NetworkCaseFacts;
  path: NetworkLinkStepFacts[];
  /** The weakest edge's score. */
  score: number;
  /** The path in words, edge by edge: `FRA case C-1 — same phone number +33…, carried by 2 records — DEU case K-9`. */
  explanation: string;
}

export function networkLinkFactsOf(message: NetworkLinkFound): NetworkLinkFacts {
  if (!message.ownCase || !message.otherCase || message.path.length === 0)
    throw new Error('network.links.v1 without both cases and a path');
  const ownCase = caseFacts(message.ownCase);
  const otherCase = caseFacts(message.otherCase);
  const path = message.path.map((step): NetworkLinkStepFacts => ({
    fromEntityId: step.fromEntityId,
    toEntityId: step.toEntityId,
    fromRecordId: step.fromRecordId,
    toRecordId: step.toRecordId,
    reason: step.reason,
    value: step.value,
    score: step.score,
    strength: step.strength,
    explanation: step.explanation,
  }));
  return {
    linkId: message.linkId,
    agency: message.agency,
    ownCase,
    otherCase,
    path,
    score: message.score,
    explanation: explainPath(ownCase, otherCase, path),
  };
}

/** The cases at either end and each edge's reason between them; entities in between are `another record`. */
export function explainPath(own: NetworkCaseFacts, other: NetworkCaseFacts, path: NetworkLinkStepFacts[]): string {
  const ends = (end: NetworkCaseFacts) => `${end.agency} case ${end.caseRef}`;
  const middle = path.map((step) => step.explanation).join(' — another record — ');
  return `${ends(own)} — ${middle} — ${ends(other)}`;
}

function caseFacts(end: NetworkCase): NetworkCaseFacts {
  return {
    agency: end.agency,
    caseRef: end.caseRef,
    entityId: end.entityId,
    recordId: end.recordId,
    externalRef: end.externalRef,
    recordKind: end.recordKind,
  };
}
