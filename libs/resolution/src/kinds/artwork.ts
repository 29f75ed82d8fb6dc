/**
 * Works of art and cultural property (Object ID): title and object type are
 * the key fields; the maker, period and materials support or contradict.
 * Titles are compared word by word like names (any order, typos, sound),
 * without the words every title has (`the`, `of`, `with`...).
 *
 * Calibration: the same title by the same maker is a match, even misspelt;
 * another title by the same maker is not, and neither is one title by another
 * maker (`Madonna and Child` was painted a thousand times), both under 0.75.
 */
import { feature, FeatureEvidence, pairScore, PairScore, weightByDisagreement } from '../evidence';
import { compareNames, NameForm, nameFormOf, normalizeText, wordFormOf } from '../names';
import { looselyEqual } from './descriptive-fields';

/** Structural mirror of crosscheck.records.v1.Artwork. */
export interface ArtworkLike {
  title: string;
  objectType?: string;
  maker?: string;
  period?: string;
  materials?: string;
  dimensions?: string;
  inscriptions?: string;
  description?: string;
}

/** What resolution compares of an artwork. JSON-serialisable; empty strings mean unknown. */
export interface ArtworkFacts {
  /** Significant words of the title, with their phonetic codes. */
  title: NameForm;
  /** Absent when unknown or anonymous. */
  maker?: NameForm;
  objectType: string;
  period: string;
  /** Significant words: `oil on canvas` → oil, canvas. */
  materials: string[];
}

/** Words in many titles (English, French, German, Italian, Spanish, Dutch), left out of title comparison and keys. */
export const TITLE_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a an the of and with in on at to for from by or ' +
    'le la les l un une de du des et avec au aux en sur ' +
    'der die das den dem des ein eine einer und mit im am zum zur von ' +
    'il lo gli i uno una e ed con del della dei al nel sul ' +
    'el los las y o al ' +
    'het een en van op'
  ).split(' '),
);

/** Makers that say no one is known. */
const UNKNOWN_MAKER_WORDS = new Set(['unknown', 'anonymous', 'anon', 'unbekannt', 'inconnu', 'anonyme', 'anonimo', 'anonimous', 'desconocido', 'sconosciuto', 'artist', 'maker', 'na', 'n', 'a']);

export function artworkFactsOf(artwork: ArtworkLike): ArtworkFacts {
  const facts: ArtworkFacts = {
    title: wordFormOf(artwork.title ?? '', TITLE_STOPWORDS),
    objectType: normalizeText(artwork.objectType ?? ''),
    period: normalizeText(artwork.period ?? ''),
    materials: [...new Set(normalizeText(artwork.materials ?? '').split(' '))].filter((word) => word.length > 1 && !TITLE_STOPWORDS.has(word)),
  };
  const maker = artwork.maker?.trim() ? nameFormOf(artwork.maker) : undefined;
  if (maker && maker.parts.some((part) => !UNKNOWN_MAKER_WORDS.has(part.text))) facts.maker = maker;
  return facts;
}

const TITLE = 0.8;
const TITLE_WHEN_DIFFERENT = 0.4;
/** An extra word in a title often makes another work (`Sunflowers`, `Vase with Fifteen Sunflowers`), so it costs more than an extra name part. */
const TITLE_EXTRA_WORD_COST = 0.35;
const MAKER = 0.5;
const MAKER_WHEN_DIFFERENT = 0.3;
/** Artists go by one name as often as by all of them (Rembrandt, Rembrandt van Rijn). */
const MAKER_SINGLE_NAME_EXTRA_COST = 0.2;
const OBJECT_TYPE_AGREES = 0.2;
const OBJECT_TYPE_DIFFERS = 0.5;
const PERIOD = 0.1;
const MATERIALS = 0.1;

export function scoreArtworks(a: ArtworkFacts, b: ArtworkFacts): PairScore {
  const features: FeatureEvidence[] = [];
  const title = compareNames([a.title], [b.title], { extraPartCost: TITLE_EXTRA_WORD_COST, partLabel: 'word' });
  if (title) features.push(feature('title', title.score, weightByDisagreement(title.score, TITLE, TITLE_WHEN_DIFFERENT), title.detail));
  const maker = a.maker && b.maker ? compareNames([a.maker], [b.maker], { singlePartExtraCost: MAKER_SINGLE_NAME_EXTRA_COST }) : undefined;
  if (maker) features.push(feature('maker', maker.score, weightByDisagreement(maker.score, MAKER, MAKER_WHEN_DIFFERENT), maker.detail));
  if (a.objectType && b.objectType) {
    features.push(
      looselyEqual(a.objectType, b.objectType)
        ? feature('object_type', 1, OBJECT_TYPE_AGREES, `both ${a.objectType}`)
        : feature('object_type', 0, OBJECT_TYPE_DIFFERS, `${a.objectType} vs ${b.objectType}`),
    );
  }
  if (a.period && b.period) {
    features.push(looselyEqual(a.period, b.period) ? feature('period', 1, PERIOD, `both ${a.period}`) : feature('period', 0.3, PERIOD, `${a.period} vs ${b.period}`));
  }
  if (a.materials.length && b.materials.length) {
    const shared = a.materials.filter((word) => b.materials.includes(word));
    features.push(shared.length ? feature('materials', 1, MATERIALS, `both ${shared.join(', ')}`) : feature('materials', 0.3, MATERIALS, `${a.materials.join(', ')} vs ${b.materials.join(', ')}`));
  }
  return pairScore(features);
}
