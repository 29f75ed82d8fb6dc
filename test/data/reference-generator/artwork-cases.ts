/**
 * Artwork queries made of works reported stolen. True variants: the title
 * misspelt, in another case, without its articles, or in catalogue order
 * ("Tulips, Still Life" for "Still Life with Tulips"); the maker by family name
 * only. Hard negatives: another work by the same maker, and a work of the same
 * title by another maker (a thousand painters made a "Madonna and Child").
 */
import { mistype } from '../generator/corruptions';
import { Prng } from '../generator/prng';
import { drawArtwork, isNamedMaker, personName } from './artworks';
import { CaseMaker, MadeQuery } from './case-maker';
import { ArtworkEntry, ArtworkJson } from './reference-entries';

export const ARTWORK_MATCHES = [
  'exact',
  'title_typo',
  'title_case',
  'title_articles_dropped',
  'title_catalogue_order',
  'maker_family_only',
] as const;
export const ARTWORK_HARD_NEGATIVES = ['same_maker_other_title', 'same_title_other_maker'] as const;
export type ArtworkVariant = (typeof ARTWORK_MATCHES)[number] | (typeof ARTWORK_HARD_NEGATIVES)[number];

const LATIN_LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];
const ARTICLES = new Set(['the', 'a', 'an']);
/** Words a catalogue turns a title around at: "Portrait of a Lady" → "Lady, Portrait". */
const PIVOTS = [' of ', ' with ', ' in ', ' at ', ' near '];
const MAKER_CULTURES = ['dutch', 'french', 'german', 'spanish', 'english', 'polish'] as const;

/** A title or maker as compared here: lower case, letters and digits, one space between words. */
export function looseText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function artworkCases(artworks: readonly ArtworkEntry[]): CaseMaker<ArtworkVariant> {
  const titleCounts = new Map<string, number>();
  const works = new Set<string>();
  for (const { artwork } of artworks) {
    const title = looseText(artwork.title);
    titleCounts.set(title, (titleCounts.get(title) ?? 0) + 1);
    works.add(`${title}|${looseText(artwork.maker ?? '')}`);
  }
  const known = (title: string, maker: string) => works.has(`${looseText(title)}|${looseText(maker)}`);
  // A title several works share ("Book of Hours") cannot tell them apart: only works with a title of their own are queried.
  const targets = artworks.filter(({ artwork }) => titleCounts.get(looseText(artwork.title)) === 1);

  const make = (variant: ArtworkVariant, rng: Prng, target: ArtworkEntry): MadeQuery | undefined => {
    const { title, objectType, maker, period, materials, dimensions } = target.artwork;
    // What another agency's report gives of the work: its own description and inscriptions are its own words.
    const reported: ArtworkJson = {
      title,
      objectType,
      ...(maker ? { maker } : {}),
      ...(period ? { period } : {}),
      ...(materials ? { materials } : {}),
      ...(dimensions ? { dimensions } : {}),
    };
    const query = (changes: Partial<ArtworkJson> | undefined): MadeQuery | undefined =>
      changes && Object.values(changes).every((value) => value !== undefined && value !== '')
        ? { body: { kind: 'artwork', artwork: { ...reported, ...changes } } }
        : undefined;
    switch (variant) {
      case 'exact':
        return query({});
      case 'title_typo':
        return query({ title: titleWithTypo(rng, title) });
      case 'title_case':
        return query({ title: rng.chance(0.5) ? title.toUpperCase() : title.toLowerCase() });
      case 'title_articles_dropped': {
        const words = title.split(' ');
        const kept = words.filter((word) => !ARTICLES.has(word.toLowerCase()));
        return kept.length < words.length && kept.length > 0 ? query({ title: kept.join(' ') }) : undefined;
      }
      case 'title_catalogue_order':
        return query({ title: catalogueOrder(title) });
      case 'maker_family_only': {
        if (!isNamedMaker(maker)) return undefined;
        return query({ maker: maker.slice(maker.indexOf(' ') + 1) });
      }
      case 'same_maker_other_title': {
        if (!isNamedMaker(maker)) return undefined;
        const other = drawArtwork(rng.int(0, 0xffffffff), 0).artwork;
        if (other.objectType !== objectType || looseText(other.title) === looseText(title) || known(other.title, maker))
          return undefined;
        return query({
          title: other.title,
          materials: other.materials,
          dimensions: other.dimensions,
          period: other.period,
        });
      }
      case 'same_title_other_maker': {
        if (!isNamedMaker(maker)) return undefined;
        const other = personName(rng, rng.pick(MAKER_CULTURES));
        return looseText(other) === looseText(maker) || known(title, other) ? undefined : query({ maker: other });
      }
    }
  };

  return {
    dataset: 'works-of-art',
    matches: ARTWORK_MATCHES,
    hardNegatives: ARTWORK_HARD_NEGATIVES,
    targetCount: targets.length,
    entryIdOf: (target) => targets[target].entryId,
    make: (variant, rng, target) => make(variant, rng, targets[target]),
  };
}

/** One slip in one word of four letters or more, as the person generator's typos are made. */
function titleWithTypo(rng: Prng, title: string): string | undefined {
  const words = title.split(' ');
  const long = words.flatMap((word, index) => (/^\p{L}{4,}$/u.test(word) ? [index] : []));
  if (long.length === 0) return undefined;
  const at = rng.pick(long);
  return words.with(at, mistype(rng, words[at], LATIN_LETTERS)).join(' ');
}

/** "Still Life with Tulips" → "Tulips, Still Life"; undefined for a title without a word to turn it at. */
function catalogueOrder(title: string): string | undefined {
  const pivot = PIVOTS.find((word) => title.includes(word));
  if (!pivot) return undefined;
  const at = title.indexOf(pivot);
  const [before, after] = [title.slice(0, at), title.slice(at + pivot.length)];
  return `${after.replace(/^(a|an|the) /i, '')}, ${before}`;
}
