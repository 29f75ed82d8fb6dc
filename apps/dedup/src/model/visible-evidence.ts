/**
 * The evidence an agency may read about an entity: worked out from the members
 * it may see and nothing else. What dedup stored when it resolved a record (the
 * decision, the score and the explanation) compares it with whatever it was
 * resolved against, which may be a record the caller may not see: its spelling,
 * birth date and nationality are in the explanation's text, and the decision and
 * score tell that it exists. So the stored evidence never leaves dedup. Instead:
 *
 * - the caller sees the part of the entity that its visible members hold
 *   together on their own: members linked by pairs that reach the same-entity
 *   threshold. A visible member that is in the entity only through a record the
 *   caller may not see is left out, since showing it would tell of the bridge;
 * - each member's decision, score and explanation are against the other visible
 *   members, scored afresh: the oldest is `new_entity`, the others
 *   `joined_entity` with their best pair;
 * - possible duplicates are scored afresh between visible records only, and
 *   shown when that score reaches the review threshold.
 */
import type { FeatureEvidence, PairScore } from '@crosscheck/resolution';

export interface VisibleMember {
  recordId: string;
  joinedAt: Date;
}

export interface MemberEvidence {
  decision: 'new_entity' | 'joined_entity';
  score: number;
  explanation: FeatureEvidence[];
}

export type PairScorer<M> = (a: M, b: M) => PairScore | undefined;

/**
 * The members connected to `start` (the oldest visible member when absent) by
 * pairs at or above `sameAt`, oldest first, each with its evidence. Empty when
 * `start` is not among `visible`.
 */
export function visibleComponent<M extends VisibleMember>(
  visible: M[],
  score: PairScorer<M>,
  sameAt: number,
  start?: string,
): { member: M; evidence: MemberEvidence }[] {
  const ordered = [...visible].sort(
    (a, b) => a.joinedAt.getTime() - b.joinedAt.getTime() || a.recordId.localeCompare(b.recordId),
  );
  const origin = start === undefined ? ordered[0] : ordered.find((member) => member.recordId === start);
  if (!origin) return [];
  const best = new Map<string, PairScore>();
  const reached = new Set<string>([origin.recordId]);
  const queue = [origin];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const other of ordered) {
      if (other === current) continue;
      const pair = score(current, other);
      if (!pair || pair.score < sameAt) continue;
      keepBest(best, current.recordId, pair);
      keepBest(best, other.recordId, pair);
      if (!reached.has(other.recordId)) {
        reached.add(other.recordId);
        queue.push(other);
      }
    }
  }
  const component = ordered.filter((member) => reached.has(member.recordId));
  return component.map((member, index) => ({
    member,
    evidence:
      index === 0
        ? { decision: 'new_entity', score: 0, explanation: [] }
        : {
            decision: 'joined_entity',
            score: best.get(member.recordId)!.score,
            explanation: best.get(member.recordId)!.features,
          },
  }));
}

/** The best pair between `record` and any of `members`, when it reaches `reviewAt`. */
export function visibleResemblance<M>(
  record: M,
  members: M[],
  score: PairScorer<M>,
  reviewAt: number,
): PairScore | undefined {
  let best: PairScore | undefined;
  for (const member of members) {
    const pair = score(record, member);
    if (pair && (!best || pair.score > best.score)) best = pair;
  }
  return best && best.score >= reviewAt ? best : undefined;
}

function keepBest(best: Map<string, PairScore>, recordId: string, pair: PairScore): void {
  const current = best.get(recordId);
  if (!current || pair.score > current.score) best.set(recordId, pair);
}
