/**
 * What a record's candidates say about the entities it may belong to, and the
 * decision rules over them (see resolve-record.service.ts for the rules in
 * words). Pure: the one-message and the batch paths decide alike.
 *
 * Which members may keep a record out of an entity (the objection rule). A
 * record joins an entity through its best member, and any other member of it
 * scoring under the review threshold objects: a record that clearly is not
 * one of an entity's members does not join it through another (no chaining:
 * a namesake without a birth date must not bridge father and son). But two
 * duplicates of one original, each corrupted in other fields, often score
 * low against each other while both score high against the original (a
 * family name mistyped in one, the birth date in the other). So a low member
 * does not object when the pair still has an identifying fact in common, one
 * that two different people rarely share and that survives the noise the
 * low score came from:
 *   - an identity document or national identifier: the same number, an OCR
 *     variant or one edit apart;
 *   - else, provided no document of theirs contradicts (another number of one
 *     type and country: the one contradiction taken as hard, for twins and
 *     relatives at one address differ there first), the full date of birth
 *     (or a recognisable slip of it) or a rare address, phone or email.
 * Only persons carry these features: for the other kinds, whose identifier
 * is most of the score, every member under the review threshold objects.
 *
 * When several entities are joinable (the bridge rule). They are one subject,
 * and the record merges them, when some member of one reaches the same-entity
 * threshold against some member of the other; or when the record gives a
 * birth date that its evidence with each of them compares, and no member of
 * one would object to any member of the other (the rule above, across the two
 * entities) nor holds another number of one document type and country. The
 * second case is an original arriving after two of its duplicates that each
 * started an entity: corrupted in different fields (a year off by one in
 * one, only the year in the other), they score between the thresholds
 * against each other and both high against it. Joinable entities that are
 * not one subject stay ambiguous (see decideAmong). A record without a birth
 * date bridges nothing this way: it fits namesakes born years apart as well
 * as one person, and those object to each other only when both give a full
 * date. In process, replaying the generator's records in their order (bench:
 * dedup-quality's 2,000 persons), the second case moved precision 0.9843 →
 * 0.9844 and recall 0.9530 → 0.9602; without the document condition precision
 * fell to 0.9820 (homonyms with their own passports bridged by a birth year).
 * FEBRL 2 and 3 rose by 0.004 and 0.001 of F1, precision staying 1.
 *
 * What the thresholds trade: IDENTIFYING_WEIGHT (the weight of two full birth
 * dates that agree, dates.ts) keeps out agreement that says little (a year
 * alone, sex, nationality, a common address); lowering it would let more
 * members stand aside and merge more namesakes. DOCUMENT_AGREES is a document
 * one edit apart: raising it to the same number only would keep FEBRL's
 * mistyped identifiers apart. Taking full birth dates years apart as a hard
 * contradiction too cost FEBRL 3 0.0013 of F1 in process and changed nothing
 * on the generator; dropping the veto altogether cost the generator 0.024 of
 * precision. Figures: README, *Deciding* and *Benchmarks*.
 */
import { CarriersOf, FeatureEvidence, PairScore, RecordFacts, scoreRecords } from '@crosscheck/resolution';
import type { Candidate } from '../persistence/entities.repository';

export interface EntityEvidence extends PairScore {
  entityId: string;
  /** The lowest score of the entity's candidates that object to the record joining it (`objects`); 1 when none does. */
  objection: number;
  /** The entity's members among the candidates. */
  members: Candidate[];
}

export interface Thresholds {
  sameAt: number;
  reviewAt: number;
  margin: number;
}

/** Person features that identify one person: agreeing on one of them with at least IDENTIFYING_WEIGHT is an identifying fact in common. */
const IDENTIFYING_FEATURES = new Set(['identity_document', 'date_of_birth', 'address', 'phone', 'email']);
/** The weight of two full birth dates that agree (libs/resolution dates.ts); a year alone (0.15) or a year and month (0.25) say less. */
const IDENTIFYING_WEIGHT = 0.45;
/** A document one edit apart scores 0.75; the same number 1, an OCR variant 0.95. */
const DOCUMENT_AGREES = 0.75;
/** A full date with a slip (day and month swapped, the year off by one) scores 0.85; an address typed apart 0.95. */
const FACT_AGREES = 0.75;
/** Another number of one document type and country scores 0.2. */
const DOCUMENT_CONTRADICTS = 0.2;

/**
 * Whether a member scoring `pair` against the record objects to the record
 * joining its entity: it scores under the review threshold and the two share
 * no identifying fact (the header says which).
 */
export function objects(pair: PairScore, reviewAt: number): boolean {
  return pair.score < reviewAt && !sharesIdentifyingFact(pair.features);
}

function sharesIdentifyingFact(features: FeatureEvidence[]): boolean {
  const weighty = (feature: FeatureEvidence, agrees: number) =>
    IDENTIFYING_FEATURES.has(feature.feature) && feature.score >= agrees && feature.weight >= IDENTIFYING_WEIGHT;
  const document = features.find((feature) => feature.feature === 'identity_document');
  if (document && weighty(document, DOCUMENT_AGREES)) return true;
  if (documentsContradict(features)) return false;
  return features.some((feature) => weighty(feature, FACT_AGREES));
}

/** Another number of one document type and country: the one contradiction taken as hard (the header says why). */
function documentsContradict(features: FeatureEvidence[]): boolean {
  const document = features.find((feature) => feature.feature === 'identity_document');
  return document !== undefined && document.score <= DOCUMENT_CONTRADICTS;
}

/**
 * Each entity's best score among the candidates and its lowest objecting one,
 * best entities first. `carriers`: how many records carry each contact value
 * (contact-carriers.ts); `score`: scoreRecords, or the same with the scores a
 * batch worked out ahead (resolve-batch.service.ts).
 */
export function bestPerEntity(
  facts: RecordFacts,
  candidates: Candidate[],
  { reviewAt }: Pick<Thresholds, 'reviewAt'>,
  carriers?: CarriersOf,
  score: typeof scoreRecords = scoreRecords,
): EntityEvidence[] {
  const best = new Map<string, EntityEvidence>();
  for (const candidate of candidates) {
    // Scored only as far as the review threshold needs: the objection rule reads a low pair's other features alone.
    const pair = score(facts, candidate.facts, carriers, reviewAt);
    if (!pair) continue;
    const objection = objects(pair, reviewAt) ? pair.score : 1;
    const current = best.get(candidate.entityId);
    if (!current) {
      best.set(candidate.entityId, {
        entityId: candidate.entityId,
        score: pair.score,
        features: pair.features,
        objection,
        members: [candidate],
      });
      continue;
    }
    current.members.push(candidate);
    current.objection = Math.min(current.objection, objection);
    if (pair.score > current.score) Object.assign(current, { score: pair.score, features: pair.features });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}

/** Which entities the record is the same subject as, and which it only resembles. */
export function decideAmong(
  evidence: EntityEvidence[],
  { sameAt, reviewAt, margin }: Thresholds,
  carriers?: CarriersOf,
): { same: EntityEvidence[]; review: EntityEvidence[] } {
  const joinable = evidence.filter((entity) => entity.score >= sameAt && entity.objection >= reviewAt);
  const resembling = evidence.filter((entity) => entity.score >= reviewAt && !joinable.includes(entity));
  if (joinable.length <= 1) return { same: joinable, review: resembling };
  const [top] = joinable;
  const same = joinable.filter((entity) => entity === top || oneSubject(top, entity, { sameAt, reviewAt }, carriers));
  const rivals = joinable.filter((entity) => !same.includes(entity));
  if (rivals.length > 0 && top.score - rivals[0].score < margin)
    return { same: [], review: [...joinable, ...resembling] };
  return { same, review: [...rivals, ...resembling] };
}

/**
 * Whether two entities the record joins are one subject (the bridge rule, in
 * the header): a member of one reaches `sameAt` against a member of the
 * other; or the record's evidence with both compares a birth date and no
 * pair across them objects or holds contradicting documents.
 */
function oneSubject(
  a: EntityEvidence,
  b: EntityEvidence,
  { sameAt, reviewAt }: Pick<Thresholds, 'sameAt' | 'reviewAt'>,
  carriers: CarriersOf | undefined,
): boolean {
  const pairs = a.members.flatMap((x) => b.members.map((y) => scoreRecords(x.facts, y.facts, carriers)));
  if (pairs.some((pair) => (pair?.score ?? 0) >= sameAt)) return true;
  const datesCompared = [a, b].every((entity) => entity.features.some((one) => one.feature === 'date_of_birth'));
  return (
    datesCompared &&
    pairs.every((pair) => pair !== undefined && !objects(pair, reviewAt) && !documentsContradict(pair.features))
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
