/**
 * Blocking keys: the short strings dedup and matching index (one row per key
 * and record) to find candidates without scanning, taking the records that
 * share the most keys. Recall first, so a corrupted duplicate (typo,
 * transliteration, parts in another order, partial date, separators or OCR
 * confusions in a number) still shares a key with its original; selective
 * enough that, among a million persons, one key names few rows.
 *
 * A key is `<kind letter><rule letter>:<value>`, so kinds never collide and a
 * key says which rule made it:
 *
 *   person           pn:<code>:<year>    each name part's phonetic codes (own, without particle, known-variant class) with the birth year
 *                    pp:<code>+<code>    key codes of two parts of one name, sorted: order-free, for when the year is missing or wrong
 *                                        (pp:<code> for a one-part name)
 *                    pc:<sounds>[:<year>]  each name part's coarse sound keys (see soundKeys), alone and with the
 *                                        birth year when known (alone they name thousands of rows): spellings that
 *                                        transliteration through another script moves apart (r/l, b/p/v, k/g,
 *                                        s/z, a consonant dropped: Hobart, 霍巴特 → hobat) still meet; a part
 *                                        written in another script adds those of its likeliest learned spellings
 *                    pd:<number>         each identity document and national identifier number, OCR-folded
 *                    pa:<line>           each address's comparable line; ph:<E.164> each phone; pe:<email> each email
 *   travel_document  td:<number>         the document number, OCR-folded (O/0, I/1, S/5, B/8... meet)
 *                    th:<code>+<code>:<country>  the holder's name, as for persons, with the issuing country (when known),
 *                                        for a number misread beyond OCR; the country keeps a common name from
 *                                        naming hundreds of documents, which would crowd out the one whose
 *                                        number matches (candidates are those sharing the most keys)
 *   vehicle          vv:<vin>            the VIN, normalised
 *                    vf:<vin>            the VIN, OCR-folded
 *                    vs:<last 8>         the VIN's last 8 characters folded (plant and serial), for partial or mistyped VINs
 *                    vp:<plate>:<country>
 *   firearm          fs:<serial>:<make>  the serial, OCR-folded, with the make
 *                    fn:<serial>         the serial alone, when at least 6 characters (make missing or spelt otherwise)
 *   artwork          at:<code>:<code>    each title word's phonetic code with each of the maker's name parts'
 *                    aw:<code>+<code>    two title words, sorted (aw:<code> for a one-word title), for a maker unknown on one side
 *
 * Initials and one-letter words make no keys: they would name half the table.
 */
import { personNameForms } from './kinds/person';
import { learnedSpellings, NameForm, NamePart } from './names';
import { RecordFacts } from './records';

const MAX_PARTS_PAIRED = 6;
/** A part written in another script is keyed by this many of its likeliest learned spellings too. */
const LEARNED_SPELLINGS_KEYED = 4;
const SERIAL_ALONE_MIN_LENGTH = 6;
const VIN_TAIL = 8;
const SPACES = / /g;

/**
 * How much sharing a key says, by how many rows it names (as read: at most
 * the rows read per key): a key of one record says most, one of hundreds
 * little. Candidates are ranked by the sum over the keys they share, so a
 * rare exact key outranks several common coarse ones. The repositories' SQL
 * computes the same: `1.0 / ln(2 + key_rows)`.
 */
export function keyWeight(rows: number): number {
  return 1 / Math.log(2 + rows);
}

export function blockingKeys(facts: RecordFacts): string[] {
  const keys = new Set<string>();
  switch (facts.kind) {
    case 'person': {
      const year = facts.dateOfBirth?.year;
      for (const form of personNameForms(facts)) {
        const parts = keyedParts(form);
        if (year) for (const part of parts) for (const code of part.codes) keys.add(`pn:${code}:${year}`);
        addPairs(keys, 'pp', parts);
        // Also with the birth year, as pn: coarse keys alone name thousands of records in a large table, and
        // ranked by rarity the year's key lifts the record born that year; the plain key still meets a record
        // whose year is missing or mistyped.
        const sounded = (sound: string) => {
          keys.add(`pc:${sound}`);
          if (year) keys.add(`pc:${sound}:${year}`);
        };
        for (const part of parts) for (const sound of soundKeys(part.text)) sounded(sound);
        for (const part of parts) {
          if (!part.learned) continue;
          for (const spelling of learnedSpellings(part.learned.word, part.learned.model, LEARNED_SPELLINGS_KEYED))
            for (const sound of soundKeys(spelling)) sounded(sound);
        }
      }
      for (const document of facts.documents ?? []) if (document.folded) keys.add(`pd:${document.folded}`);
      // Contact details: a duplicate whose names were mangled still meets its original at home. A value many
      // records give (a hotel) names many rows, and ranked by rarity it lifts no one.
      for (const address of facts.addresses ?? []) if (address.line) keys.add(`pa:${address.line}`);
      for (const phone of facts.phones ?? []) keys.add(`ph:${phone}`);
      for (const email of facts.emails ?? []) keys.add(`pe:${email}`);
      break;
    }
    case 'travel_document':
      if (facts.document.folded) keys.add(`td:${facts.document.folded}`);
      for (const form of facts.holderNames) addPairs(keys, 'th', keyedParts(form), facts.document.country);
      break;
    case 'vehicle':
      if (facts.vin) {
        keys.add(`vv:${facts.vin}`);
        keys.add(`vf:${facts.vinFolded}`);
        if (facts.vinFolded.length >= VIN_TAIL) keys.add(`vs:${facts.vinFolded.slice(-VIN_TAIL)}`);
      }
      if (facts.plate) keys.add(`vp:${facts.plate}:${facts.country}`);
      break;
    case 'firearm':
      if (facts.serialFolded) {
        keys.add(`fs:${facts.serialFolded}:${facts.make.replace(SPACES, '')}`);
        if (facts.serialFolded.length >= SERIAL_ALONE_MIN_LENGTH) keys.add(`fn:${facts.serialFolded}`);
      }
      break;
    case 'artwork': {
      const words = keyedParts(facts.title);
      const makerParts = facts.maker ? keyedParts(facts.maker) : [];
      for (const word of words)
        for (const makerPart of makerParts) keys.add(`at:${word.codes[0]}:${makerPart.codes[0]}`);
      addPairs(keys, 'aw', words);
      break;
    }
  }
  return [...keys];
}

/** Parts long enough to key on, with a phonetic code. */
function keyedParts(form: NameForm): NamePart[] {
  return form.parts.filter((part) => part.text.length > 1 && part.codes.length > 0);
}

/** Unordered pairs of the parts' key codes (the first code), or the one code of a one-part name; `:<suffix>` after each when given. */
function addPairs(keys: Set<string>, prefix: string, parts: NamePart[], suffix = ''): void {
  const codes = [...new Set(parts.slice(0, MAX_PARTS_PAIRED).map((part) => part.codes[0]))];
  const end = suffix ? `:${suffix}` : '';
  if (codes.length === 1) keys.add(`${prefix}:${codes[0]}${end}`);
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++)
      keys.add(
        codes[i] < codes[j] ? `${prefix}:${codes[i]}+${codes[j]}${end}` : `${prefix}:${codes[j]}+${codes[i]}${end}`,
      );
  }
}

/**
 * Consonants by how transliteration confuses them, one class each; vowels and
 * h, w, y are left out. Sibilants and affricates are one class (s, z, j, and
 * sh, ch, zh, sch, tsch, cz, sz, ts, tz, soft c), as scripts without them
 * write one for another (지 is ji or chi; 샤 sha or scha).
 */
const DIGRAPHS = /tsch|sch|tch|sh|ch|zh|cz|sz|ts|tz|kh|ph|th|gh/g;
const DIGRAPH_SOUNDS: Record<string, string> = { kh: 'k', ph: 'f', th: 't', gh: 'g' };
const SOFT_C = /c(?=[eiy])/g;
const SOUND_CLASSES: Record<string, string> = {
  b: 'B',
  p: 'B',
  f: 'B',
  v: 'B',
  c: 'K',
  k: 'K',
  q: 'K',
  g: 'K',
  j: 'S',
  d: 'T',
  t: 'T',
  s: 'S',
  z: 'S',
  x: 'S',
  l: 'L',
  r: 'L',
  m: 'M',
  n: 'M',
};
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const SOUND_CLASSES_READ = 4;
const SOUND_KEY_LENGTH = 3;

/**
 * Coarse sound keys of a part: the classes of its first four consonants
 * (a class repeated without a vowel between once), cut to three, and the same with each one left out in turn,
 * so that two spellings meet when one drops or adds a consonant
 * (`hobart` BLT and `hobat` BT share BT; `mirjana` MLJM and `mirana` MLM
 * share MLM). Two-class keys only come from parts with three classes or
 * fewer: a longer part has keys specific enough without them.
 */
export function soundKeys(text: string): string[] {
  let sequence = '';
  let previous = '';
  for (const letter of text.replace(DIGRAPHS, (digraph) => DIGRAPH_SOUNDS[digraph] ?? digraph).replace(SOFT_C, 's')) {
    const sound = SOUND_CLASSES[letter];
    if (!sound) {
      if (VOWELS.has(letter)) previous = '';
      continue;
    }
    if (sound === previous) continue;
    sequence += previous = sound;
    if (sequence.length === SOUND_CLASSES_READ) break;
  }
  const shortest = sequence.length <= SOUND_KEY_LENGTH ? 2 : SOUND_KEY_LENGTH;
  const keys = new Set<string>();
  const add = (key: string) => {
    const cut = key.slice(0, SOUND_KEY_LENGTH);
    if (cut.length >= shortest) keys.add(cut);
  };
  add(sequence);
  for (let index = 0; index < sequence.length; index++) add(sequence.slice(0, index) + sequence.slice(index + 1));
  return [...keys];
}
