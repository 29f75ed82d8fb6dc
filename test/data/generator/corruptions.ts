/**
 * The ways a duplicate differs from its original, FEBRL-style: each is
 * named, applies only where it can be seen (no middle name to drop, no
 * document to reformat...), and is applied to a copy of the original's facts.
 * A duplicate carries 1 to 3 of them; everything they do not name stays as
 * the original has it.
 */
import { Culture } from './cultures';
import { withSeparators } from './identity-documents';
import { NamePart, pad, PersonFacts } from './person-facts';
import { familyText } from './person-record';
import { Prng } from './prng';

/** In the order they are applied: name structure first, then spelling slips, then dates and documents. */
export const CORRUPTIONS = [
  'transliteration',
  'script',
  'middle_name_dropped',
  'swapped_order',
  'typo',
  'dob_missing',
  'dob_partial',
  'dob_swapped',
  'dob_year_off',
  'document_separators',
] as const;

export type Corruption = (typeof CORRUPTIONS)[number];

export const NAME_CORRUPTIONS: readonly Corruption[] = [
  'transliteration',
  'script',
  'middle_name_dropped',
  'swapped_order',
  'typo',
];
export const DATE_OF_BIRTH_CORRUPTIONS: readonly Corruption[] = [
  'dob_missing',
  'dob_partial',
  'dob_swapped',
  'dob_year_off',
];

/** Corruptions that cannot be told apart when combined: one date change at a time; a script switch leaves no Latin spelling to change. */
function conflicts(a: Corruption, b: Corruption): boolean {
  if (DATE_OF_BIRTH_CORRUPTIONS.includes(a) && DATE_OF_BIRTH_CORRUPTIONS.includes(b)) return true;
  const pair = new Set([a, b]);
  return pair.has('script') && pair.has('transliteration');
}

/** The corruptions that would show on a copy of this original. */
export function applicableCorruptions(original: PersonFacts): Corruption[] {
  const { name, culture } = original;
  const dob = fullDate(original.dateOfBirth);
  const can: Record<Corruption, boolean> = {
    transliteration:
      name.form === 'both' || (name.form === 'latin' && parts(original).some((part) => part.entry.latin.length > 1)),
    script: culture.script !== 'Latn' && name.form !== 'both',
    middle_name_dropped: name.middle !== undefined,
    swapped_order: (['latin', 'native'] as const).every((side) => name.given[side] !== familyText(name, side)),
    typo: true,
    dob_missing: original.dateOfBirth !== undefined,
    dob_partial: dob !== undefined,
    dob_swapped: dob !== undefined && dob.day <= 12 && dob.day !== dob.month,
    dob_year_off: dob !== undefined && !(dob.month === 2 && dob.day === 29),
    document_separators: original.documents.length > 0,
  };
  return CORRUPTIONS.filter((corruption) => can[corruption]);
}

/** 1 to 3 corruptions that go together, fewer when fewer apply; in the order they are applied. */
export function chooseCorruptions(rng: Prng, applicable: readonly Corruption[]): Corruption[] {
  const wanted = rng.weighted([
    [1, 5],
    [2, 3],
    [3, 2],
  ]);
  let pool = [...applicable];
  const chosen: Corruption[] = [];
  while (chosen.length < wanted && pool.length > 0) {
    const corruption = pool[rng.int(0, pool.length - 1)];
    chosen.push(corruption);
    pool = pool.filter((other) => other !== corruption && !conflicts(corruption, other));
  }
  return CORRUPTIONS.filter((corruption) => chosen.includes(corruption));
}

/** Applies the corruptions, in CORRUPTIONS order, to `facts` (a copy of the original), in place. */
export function applyCorruptions(rng: Prng, facts: PersonFacts, corruptions: readonly Corruption[]): void {
  for (const corruption of CORRUPTIONS) {
    if (corruptions.includes(corruption)) APPLY[corruption](rng, facts);
  }
}

const APPLY: Record<Corruption, (rng: Prng, facts: PersonFacts) => void> = {
  /** Another Latin spelling of one or more parts (Sergei → Sergey), or one of the two scripts left out. */
  transliteration(rng, facts) {
    const { name } = facts;
    const respellable = name.form === 'native' ? [] : parts(facts).filter((part) => part.entry.latin.length > 1);
    const ways = [
      ...(respellable.length > 0 ? ['respell'] : []),
      ...(name.form === 'both' ? ['latin_only', 'native_only'] : []),
    ];
    const way = rng.pick(ways);
    if (way === 'latin_only') name.form = 'latin';
    else if (way === 'native_only') name.form = 'native';
    else {
      const first = rng.pick(respellable);
      for (const part of respellable) {
        if (part === first || rng.chance(0.5))
          part.latin = rng.pick(part.entry.latin.filter((spelling) => spelling !== part.latin));
      }
    }
  },

  /** The name in the culture's script where the original had it in Latin only, or the other way round. */
  script(_rng, facts) {
    facts.name.form = facts.name.form === 'latin' ? 'native' : 'latin';
  },

  middle_name_dropped(_rng, facts) {
    facts.name.middle = undefined;
  },

  /** Given and family in each other's fields, or the full name alone in the other order (Petrov Ivan; Wei Wang). */
  swapped_order(rng, facts) {
    const { name, culture } = facts;
    // A family-first full name in Chinese or Korean script has no space to show the order by; only the fields can swap.
    const canReverse = !(name.form === 'native' && culture.nativeSeparator === '');
    name.layout = canReverse && rng.chance(0.5) ? 'full_reversed' : 'swapped_fields';
  },

  /** One character inserted, deleted, replaced or swapped with its neighbour, in one part of the name as written. */
  typo(rng, facts) {
    const { name, culture } = facts;
    const sides = name.form === 'both' ? (['latin', 'native'] as const) : ([name.form] as const);
    const side = rng.pick(sides);
    const part = rng.pick(parts(facts));
    const spellings = new Set([part.entry.native, ...part.entry.latin]);
    for (let attempt = 0; attempt < 20; attempt++) {
      const slipped = mistype(rng, part[side], side === 'latin' ? LATIN_ALPHABET : nativeAlphabet(culture));
      // A slip that lands on a real spelling would be a transliteration, not a typo.
      if (!spellings.has(slipped)) {
        part[side] = slipped;
        return;
      }
    }
    throw new Error(`typo: no slip of "${part[side]}" that is not one of its spellings`);
  },

  dob_missing(_rng, facts) {
    facts.dateOfBirth = undefined;
  },

  dob_partial(rng, facts) {
    facts.dateOfBirth = facts.dateOfBirth!.slice(0, rng.chance(0.5) ? 4 : 7);
  },

  dob_swapped(_rng, facts) {
    const { year, month, day } = fullDate(facts.dateOfBirth)!;
    facts.dateOfBirth = `${year}-${pad(day)}-${pad(month)}`;
  },

  dob_year_off(rng, facts) {
    const { year, month, day } = fullDate(facts.dateOfBirth)!;
    facts.dateOfBirth = `${year + (rng.chance(0.5) ? 1 : -1)}-${pad(month)}-${pad(day)}`;
  },

  document_separators(rng, facts) {
    const document = rng.pick(facts.documents);
    document.number = withSeparators(rng, document.number);
  },
};

function parts(facts: PersonFacts): NamePart[] {
  const { given, middle, family } = facts.name;
  return [given, ...(middle ? [middle] : []), ...family];
}

function fullDate(text: string | undefined): { year: number; month: number; day: number } | undefined {
  const match = text ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text) : null;
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : undefined;
}

const LATIN_ALPHABET = [...'abcdefghijklmnopqrstuvwxyz'];
const nativeAlphabets = new Map<Culture, string[]>();

/** The letters the culture's own names are written with; lower case only where the script has case, and no word-final ς. */
function nativeAlphabet(culture: Culture): string[] {
  let alphabet = nativeAlphabets.get(culture);
  if (!alphabet) {
    const names = [...culture.male, ...culture.female, ...culture.family].map((entry) => entry.native).join('');
    alphabet = [...new Set([...names])]
      .filter((char) => /\p{L}/u.test(char) && char === char.toLowerCase() && char !== 'ς')
      .sort();
    nativeAlphabets.set(culture, alphabet);
  }
  return alphabet;
}

/**
 * One slip of the keyboard or the pen: a letter replaced, inserted, dropped
 * or swapped with the next. The first letter keeps its place and case where
 * the script has case, as people seldom get a capital wrong.
 */
export function mistype(rng: Prng, text: string, alphabet: readonly string[]): string {
  const chars = [...text];
  const isLetter = (i: number) => i >= 0 && i < chars.length && /\p{L}/u.test(chars[i]);
  const cased = chars.some((char) => char !== char.toLowerCase());
  const from = cased ? 1 : 0;
  const letters = chars.map((_, i) => i).filter((i) => isLetter(i) && i >= from);
  const ways: (() => string[] | undefined)[] = [
    () => {
      const at = rng.pick(letters);
      const replacement = rng.pick(alphabet.filter((char) => char !== chars[at].toLowerCase()));
      return chars.with(at, chars[at] === chars[at].toLowerCase() ? replacement : replacement.toUpperCase());
    },
    () => {
      const at = rng.int(from, chars.length);
      return [...chars.slice(0, at), rng.pick(alphabet), ...chars.slice(at)];
    },
    () => (chars.length < 2 ? undefined : chars.toSpliced(rng.pick(letters), 1)),
    () => {
      const swappable = letters.filter((i) => isLetter(i + 1) && chars[i] !== chars[i + 1]);
      if (swappable.length === 0) return undefined;
      const at = rng.pick(swappable);
      return chars.with(at, chars[at + 1]).with(at + 1, chars[at]);
    },
  ];
  if (letters.length === 0) return [...chars, rng.pick(alphabet)].join('');
  for (;;) {
    const slipped = rng.pick(ways)();
    if (slipped && slipped.join('') !== text) return slipped.join('');
  }
}
