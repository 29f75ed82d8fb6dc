/**
 * What a record's candidates say about the entities it may belong to, and the
 * decision rules over them (see resolve-record.service.ts for the rules in
 * words). Pure: the one-message and the batch paths decide alike.
 */
import { CarriersOf, PairScore, RecordFacts, scoreRecords } from '@crosscheck/resolution';
import type { Candidate } from '../persistence/entities.repository';

export interface EntityEvidence extends PairScore {
  entityId: string;
  /** The lowest score against any of the entity's candidates. */
  weakest: number;
  /** The entity's members among the candidates. */
  members: Candidate[];
}

export interface Thresholds {
  sameAt: number;
  reviewAt: number;
  margin: number;
}

/**
 * Each entity's best and weakest score among the candidates, best entities
 * first. `carriers`: how many records carry each contact value (contact-carriers.ts).
 */
export function bestPerEntity(facts: RecordFacts, candidates: Candidate[], carriers?: CarriersOf): EntityEvidence[] {
  const best = new Map<string, EntityEvidence>();
  for (const candidate of candidates) {
    const pair = scoreRecords(facts, candidate.facts, carriers);
    if (!pair) continue;
    const current = best.get(candidate.entityId);
    if (!current) {
      best.set(candidate.entityId, {
        entityId: candidate.entityId,
        ...pair,
        weakest: pair.score,
        members: [candidate],
      });
      continue;
    }
    current.members.push(candidate);
    current.weakest = Math.min(current.weakest, pair.score);
    if (pair.score > current.score) Object.assign(current, pair);
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** Which entities the record is the same subject as, and which it only resembles. */
export function decideAmong(
  evidence: EntityEvidence[],
  { sameAt, reviewAt, margin }: Thresholds,
  carriers?: CarriersOf,
): { same: EntityEvidence[]; review: EntityEvidence[] } {
  const joinable = evidence.filter((entity) => entity.score >= sameAt && entity.weakest >= reviewAt);
  const resembling = evidence.filter((entity) => entity.score >= reviewAt && !joinable.includes(entity));
  if (joinable.length <= 1) return { same: joinable, review: resembling };
  const [top] = joinable;
  const same = joinable.filter((entity) => entity === top || resembleEachOther(top, entity, sameAt, carriers));
  const rivals = joinable.filter((entity) => !same.includes(entity));
  if (rivals.length > 0 && top.score - rivals[0].score < margin)
    return { same: [], review: [...joinable, ...resembling] };
  return { same, review: [...rivals, ...resembling] };
}

/** Two entities are one subject when some member of one reaches the threshold against some member of the other. */
function resembleEachOther(
  a: EntityEvidence,
  b: EntityEvidence,
  threshold: number,
  carriers: CarriersOf | undefined,
): boolean {
  return a.members.some((x) =>
    b.members.some((y) => (scoreRecords(x.facts, y.facts, carriers)?.score ?? 0) >= threshold),
  );
}

export function bestOf(
  facts: RecordFacts,
  members: { facts: RecordFacts }[],
  carriers?: CarriersOf,
): PairScore | undefined {
  let best: PairScore | undefined;
  for (const member of members) {
    const pair = scoreRecords(facts, member.facts, carriers);
    if (pair && (!best || pair.score > best.score)) best = pair;
  }
  return best;
}
