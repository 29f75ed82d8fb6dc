/**
 * Who hears of a hit beyond those who may see both sides, and what is withheld
 * from them (DESIGN: the source owns its data; both sides hear of a hit):
 *
 * - the searching agency (the record's owner), when it may not see the entry
 *   and the entry's owner chose hit/no-hit: a `hit_no_hit` alert without the
 *   entry (no subject data, score, explanation or colour), quoting a reference;
 * - the entry's owner, when it may not see the record but the searcher was
 *   told (or the record's owner chose hit/no-hit): a hit notice without the
 *   record, under the same reference.
 *
 * The searcher's alert is one per reference, not per entry: the reference
 * names (subject, dataset, owner), so that the searcher does not learn how many
 * of the owner's entries its subject hit. Its alert row keeps the reference in
 * place of the entry id. An owner's disclosure to an agency counts as the
 * entry being disseminated to it.
 */
import { createHash } from 'node:crypto';
import { reachOf, type Reach } from '@crosscheck/auth';
import type { MatchFacts } from './match-facts';

/** The side of the pair an agency's alert leaves out. */
export type Withheld = 'entry' | 'record';

export interface PairReach {
  record: (agency: string) => Reach;
  entry: (agency: string) => Reach;
  /** Both sides in full: the rule every alert obeyed before hit/no-hit. */
  full: (agency: string) => boolean;
}

export function pairReach(facts: MatchFacts, disclosedTo: readonly string[]): PairReach {
  const record = (agency: string) =>
    reachOf(agency, { owner: facts.recordOwner, dissemination: facts.recordDissemination });
  const entry = (agency: string): Reach =>
    disclosedTo.includes(agency)
      ? 'full'
      : reachOf(agency, { owner: facts.entryOwner, dissemination: facts.entryDissemination });
  return { record, entry, full: (agency) => record(agency) === 'full' && entry(agency) === 'full' };
}

/** The searcher was told of the hit without the entry: the pair is a hit/no-hit pair, under a reference. */
export function searcherToldHitNoHit(facts: MatchFacts, reach: PairReach): boolean {
  return !reach.full(facts.recordOwner) && reach.entry(facts.recordOwner) === 'hit-no-hit';
}

/** The restricted notices of the pair: each side of the hit that may not see the other, and what it does not see. */
export function restrictedNotices(facts: MatchFacts, reach: PairReach): { agency: string; withheld: Withheld }[] {
  const notices: { agency: string; withheld: Withheld }[] = [];
  const told = searcherToldHitNoHit(facts, reach);
  if (told) notices.push({ agency: facts.recordOwner, withheld: 'entry' });
  if (!reach.full(facts.entryOwner) && (told || reach.record(facts.entryOwner) === 'hit-no-hit'))
    notices.push({ agency: facts.entryOwner, withheld: 'record' });
  return notices;
}

/**
 * The pair's facts as an alert that withholds one side keeps them: that side's
 * data, the explanation (it quotes both sides) and, for the entry, the score
 * and colour are not stored with the alert at all, so no path out can show
 * them and no filter or sort can reveal them.
 */
export function factsShown(facts: MatchFacts, withheld: Withheld | null, reference: string | null): MatchFacts {
  if (withheld === 'entry')
    return { ...facts, entryId: reference ?? '', entry: null, features: [], score: 0, noticeColour: null };
  if (withheld === 'record') return { ...facts, record: null, features: [] };
  return facts;
}

/**
 * The reference both sides quote: the one the instant check answered with,
 * else one derived from (entity, dataset, entry owner), the same for all the
 * owner's entries the subject hit, and opaque: it names no entry.
 */
export function hitReferenceOf(facts: MatchFacts): string {
  if (facts.hitReference) return facts.hitReference;
  const code = createHash('sha256')
    .update(`${facts.entityId}\u0000${facts.dataset}\u0000${facts.entryOwner}`)
    .digest('hex')
    .slice(0, 16)
    .toUpperCase();
  return `HNH-${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12, 16)}`;
}
