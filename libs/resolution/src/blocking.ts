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
 *                                        s/z, a consonant dropped: Hobart, 霍巴特 → hobat) still meet; of the
 *                                        parts as read (by rule and, in another script, by the learned table) only:
 *                                        keyed on many spellings, these common keys lift other names over the twin;
 *                                        a part in another script keeps its first sound in each (see soundKeys)
 *                    pf:<sounds>         each name part's whole sequence of sound classes (see soundSequences), and
 *                                        those of its likeliest learned spellings that sound apart (not vowels
 *                                        alone; 6 to 12 by learned table); a part written in Latin adds its
 *                                        sequence with each inner sound, and a closing r or l, left out in turn
 *                                        (withOneSoundDropped), those of its French or Italian reading (see
 *                                        romanceReading) and of its reading without a silent r (see
 *                                        withoutSilentR): rarer than pc:, so the twin whose consonants agree
 *                                        outranks names that share three sounds; in a name of up to three parts,
 *                                        also of each two adjacent parts written as one, so Touman meets Tou Man
 *                                        (头曼), Kim Minjun meets Kim Min Jun (김민준), JohnSmith meets John Smith
 *                    pv:<onset>          each of those spellings' first two sounds with the vowel after each (see
 *                                        vowelledOnsets), and those of a learned part's 12 (in Han 16) likeliest
 *                                        spellings, sounding apart or not: short names share little else, and ranked
 *                                        among the hundreds whose consonants agree, the twin whose vowels agree too
 *                                        comes first
 *                    pt:<tail>           each name part's last two sounds with the vowel after each, as read, when it
 *                                        has three sounds or more (see vowelledTails): the onset's counterpart at
 *                                        the other end, so a twin agreeing on how the name ends outranks the many
 *                                        names sharing its coarse sounds
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
 *   organisation     op:<code>+<code>    key codes of two parts of a name's distinctive part (legal forms gone), sorted
 *                                        (op:<code> for a one-part name)
 *                    oc:<sounds>         each part's coarse sound keys, and those of its likeliest learned spellings,
 *                                        as pc: for persons, so a name in Cyrillic meets its Latin spelling
 *                    or:<country>:<number>  each registration number with its country
 *
 * Initials and one-letter words make no keys: they would name half the table.
 */
import { personNameForms } from './kinds/person';
import { LearnedModel, learnedSpellings, NameForm, NamePart } from './names';
import { CONSONANT_CLASSES } from './names/phonetics';
import { RecordFacts } from './records';

const MAX_PARTS_PAIRED = 6;
/**
 * A part written in another script is keyed by this many of its likeliest learned spellings that sound apart
 * too, by the learned table that reads it. Han characters have many readings and Latin names many Han
 * spellings, so the twin's is often far down: on the train splits, 12 found a twentieth more Han twins than 8
 * (with 4, a tenth more fell outside the candidates). Cyrillic and Hangul found as many twins with 6 as with 8,
 * with fewer keys (Cyrillic records 8% fewer); kana, Arabic and Hebrew lost some with 6.
 */
const LEARNED_SPELLINGS_KEYED: Record<LearnedModel, number> = {
  chinese: 12,
  japanese: 8,
  katakana: 8,
  arabic: 8,
  hebrew: 8,
  russian: 6,
  korean: 6,
};
/** The likeliest spellings read to find the LEARNED_SPELLINGS_KEYED that sound apart. */
const LEARNED_SPELLINGS_READ = 32;
/**
 * The likeliest spellings of a part in another script keyed by their vowelled onsets (pv:), sounding apart or
 * not, by learned table: on the train splits, 16 found a tenth more twins than 8, 24 few more than 16; with the
 * vowelled tails (pt:), 12 found as many as 16 with half a key fewer per record, but in Han, whose characters
 * have many readings and whose vowels the table guesses less well.
 */
const LEARNED_ONSETS_KEYED: Record<LearnedModel, number> = {
  chinese: 16,
  japanese: 12,
  katakana: 12,
  arabic: 12,
  hebrew: 12,
  russian: 12,
  korean: 12,
};
const SERIAL_ALONE_MIN_LENGTH = 6;
const VIN_TAIL = 8;
const SPACES = / /g;

export function blockingKeys(facts: RecordFacts): string[] {
  const keys = new Set<string>();
  switch (facts.kind) {
    case 'person': {
      const year = facts.dateOfBirth?.year;
      for (const form of personNameForms(facts)) {
        const parts = keyedParts(form);
        if (year) for (const part of parts) for (const code of part.codes) keys.add(`pn:${code}:${year}`);
        addPairs(keys, 'pp', parts);
        addJoined(keys, parts);
        // Also with the birth year, as pn: coarse keys alone name thousands of records in a large table, and
        // ranked by rarity the year's key lifts the record born that year; the plain key still meets a record
        // whose year is missing or mistyped.
        const sounded = (sound: string) => {
          keys.add(`pc:${sound}`);
          if (year) keys.add(`pc:${sound}:${year}`);
        };
        const latin = form.script === 'Latn';
        for (const part of parts) for (const sound of soundKeys(part.text, { keepFirst: !latin })) sounded(sound);
        for (const part of parts) for (const tail of vowelledTails(part.text)) keys.add(`pt:${tail}`);
        const spellings = spellingsKeyed(form, parts);
        if (latin) for (const part of parts) spellings.add(romanceReading(part.text));
        if (latin)
          for (const part of parts) {
            const spoken = withoutSilentR(part.text);
            if (spoken === part.text) continue;
            for (const sequence of soundSequences(spoken)) keys.add(`pf:${sequence}`);
            for (const onset of vowelledOnsets(spoken)) keys.add(`pv:${onset}`);
          }
        for (const spelling of spellings) {
          for (const sequence of soundSequences(spelling))
            for (const variant of latin ? withOneSoundDropped(sequence) : [sequence]) keys.add(`pf:${variant}`);
          for (const onset of vowelledOnsets(spelling)) keys.add(`pv:${onset}`);
        }
        for (const spelling of likeliestSpellings(form))
          for (const onset of vowelledOnsets(spelling)) keys.add(`pv:${onset}`);
      }
      for (const document of facts.documents ?? []) if (document.folded) keys.add(`pd:${document.folded}`);
      // Contact details: a duplicate whose names were mangled still meets its original at home. A value many
      // records give (a hotel) names many rows, and ranked by rarity it lifts no one.
      for (const address of facts.addresses ?? []) if (address.line) keys.add(`pa:${address.line}`);
      for (const phone of facts.phones ?? []) keys.add(`ph:${phone}`);
      for (const email of facts.emails ?? []) keys.add(`pe:${email}`);
      break;
    }
    case 'organisation': {
      for (const form of facts.nameForms) {
        const parts = keyedParts(form);
        addPairs(keys, 'op', parts);
        for (const spelling of spellingsKeyed(form, parts))
          for (const sound of soundKeys(spelling)) keys.add(`oc:${sound}`);
      }
      for (const registration of facts.registrationNumbers ?? [])
        keys.add(`or:${registration.country}:${registration.number}`);
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

/** What a name's sound keys are made from: each keyed part as written, and every learned part's likeliest spellings. */
function spellingsKeyed(form: NameForm, parts: NamePart[]): Set<string> {
  const spellings = new Set(parts.map((part) => part.text));
  // A learned part is keyed by its spellings however short its likeliest is (가즈: z).
  for (const part of form.parts) {
    if (!part.learned) continue;
    // The likeliest spellings that sound apart: spellings differing in vowels alone would make the same keys. Short
    // ones too: spellings of one sound, which make no pf: key, each took a place, and a vowelless Hebrew or Arabic
    // word's likeliest spellings (t d merged: tdo, tda, tdu...) kept out the one that sounds like its Latin name.
    const sounds = new Set<string>();
    for (const spelling of learnedSpellings(part.learned.word, part.learned.model, LEARNED_SPELLINGS_READ)) {
      const sound = readingsOf(spelling)
        .map((reading) => soundClasses(reading, Infinity))
        .join('|');
      if (sounds.has(sound)) continue;
      sounds.add(sound);
      spellings.add(spelling);
      if (sounds.size === LEARNED_SPELLINGS_KEYED[part.learned.model]) break;
    }
  }
  return spellings;
}

/**
 * A learned part's likeliest spellings, whatever they sound like: the spellings that sound apart keep one
 * spelling of each sound sequence, so a vowel the likeliest guesses wrong (马凯: make, and maka after it) made
 * no pv: key the Latin name shares.
 */
function likeliestSpellings(form: NameForm): string[] {
  return form.parts.flatMap((part) =>
    part.learned
      ? learnedSpellings(part.learned.word, part.learned.model, LEARNED_ONSETS_KEYED[part.learned.model])
      : [],
  );
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
 * Names of at most this many parts are also keyed with each two adjacent parts written as one. A run-together
 * pair is common (Xiaoming for 小明, Minjun for 민준, JohnSmith), and a longer name's joins would add keys most
 * names never meet.
 */
const MAX_PARTS_JOINED = 3;

/**
 * The whole sound sequences (`pf:`) of each two adjacent parts written as one, which a part written that way
 * carries as its own. Not their key code: Double Metaphone's four letters make `Ivan P…` of every joined Ivan
 * Petrov, Popov and Pavlov.
 */
function addJoined(keys: Set<string>, parts: NamePart[]): void {
  if (parts.length > MAX_PARTS_JOINED) return;
  for (let i = 0; i + 1 < parts.length; i++)
    for (const sequence of soundSequences(parts[i].text + parts[i + 1].text)) keys.add(`pf:${sequence}`);
}

/**
 * Consonants by how transliteration confuses them, one class each; vowels and
 * h, w, y are left out. Sibilants and affricates are one class (s, z, j, and
 * sh, ch, zh, sch, tsch, cz, sz, ts, tz, dz, dzh, dj, soft c), as scripts
 * without them write one for another (지 is ji or chi; 샤 sha or scha; じ is ji,
 * dzi in Cyrillic; Đurđević is Djurdjevic).
 */
const DIGRAPHS = /tsch|sch|tch|dzh|sh|ch|zh|cz|sz|ts|tz|dz|dj|kh|ph|th|gh/g;
const DIGRAPH_SOUNDS: Record<string, string> = {
  kh: 'k',
  ph: 'f',
  th: 't',
  gh: 'g',
  tsch: 's',
  sch: 's',
  tch: 's',
  sh: 's',
  ch: 's',
  zh: 's',
  cz: 's',
  sz: 's',
  ts: 's',
  tz: 's',
  dzh: 's',
  dz: 's',
  dj: 's',
};
const SOFT_C = /c(?=[eiy])/g;
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const SOUND_CLASSES_READ = 4;
const SOUND_KEY_LENGTH = 3;

/**
 * Letters Latin spellings read two ways: ch as in Charles or as in Christoph,
 * j as in John or as in Jan, w as in William or as in Wagner, th as in Thomas
 * or as scripts without it write it (Ethan, イーサン, iisan). A part is keyed
 * in its plain reading and in the other, with every such letter read the
 * other way.
 */
const OTHER_READING = /th|ch|j|w/g;
const OTHER_SOUNDS: Record<string, string> = { th: 's', ch: 'k', j: 'y', w: 'v' };

/**
 * h is no sound class, as romanisations drop and add it, but a part of two
 * classes or fewer keys on classes that name hundreds of rows (Heti, 赫迪: T),
 * so it is keyed with each h before a vowel sounded too (HT), as the
 * romanisations of Han, Hangul, kana, Arabic and Hebrew write it. An h
 * closing a digraph (ch, sh, th, kh...) or before a consonant or the end
 * (John, Sarah) stays silent: sounding it there cost dedup more keys than it
 * found twins.
 */
const SOUNDED_H = /(?<![cgkpstz])h(?=[aeiouy])/g;
const H_SOUND = 'H';
const SHORT_PART_CLASSES = 2;

/**
 * French spellings write letters other scripts do not sound: a final
 * consonant (Monnet, 모네; Gibault, ジボー), au and eau for o, ou for u, ill
 * before a vowel for iy (Billaud, Бийо), gn for ny, -er and -ier for e and ie
 * (Tournier, טורנייה); French and Italian soften g before e and i (Gioia,
 * Джоя), Italian writes gli for li, and Latin ae and oe for e (Caesonius,
 * Цезоний). Cyrillic, Hangul, kana and Han write such names as spoken, and
 * their consonants as written no longer meet: a part in Latin is keyed as
 * spoken too (pf:, pv:), when that differs. Not pc:, whose coarse keys of many
 * spellings lift other names over the twin.
 */
const ROMANCE_READING: [RegExp, string][] = [
  [/(?<=[aeiouyr])(?:[dtxsz]|lt|ts|ds|lts)$/, ''],
  [/(?<=[aeiouy])er$/, 'e'],
  [/e?au/g, 'o'],
  [/ou/g, 'u'],
  [/oi/g, 'wa'],
  [/ill(?=[aeiouy])/g, 'iy'],
  [/gn/g, 'ny'],
  [/qu/g, 'k'],
  [/g(?=[eiy])/g, 'j'],
  [/gli/g, 'li'],
  [/[ao]e/g, 'e'],
];

/**
 * An r after a vowel and before a consonant or the end, which English and
 * German names often do not sound, and which Han, Hangul and kana, writing
 * them as spoken, leave out (Yardley, 亞德利; Orman, 오먼; Ivor, アイヴァー):
 * a part in Latin is keyed without it too, by its whole sound sequence (pf:)
 * and onset (pv:). On the train splits, 3000 pairs a script, a fortieth fewer
 * twins missed, for a fifth of a key more a Latin record.
 */
const SILENT_R = /(?<=[aeiouy])r+(?![aeiouyr])/g;

export function withoutSilentR(text: string): string {
  return text.replace(SILENT_R, '');
}

function romanceReading(text: string): string {
  return ROMANCE_READING.reduce((spoken, [letters, sound]) => spoken.replace(letters, sound), text);
}

function readingsOf(text: string): string[] {
  const other = text.replace(OTHER_READING, (letters) => OTHER_SOUNDS[letters]);
  const readings = other === text ? [text] : [text, other];
  const sounded = text.replace(SOUNDED_H, H_SOUND);
  if (sounded !== text && soundClasses(text, Infinity).length <= SHORT_PART_CLASSES) readings.push(sounded);
  return readings;
}

/** The classes of a text's consonants in order, a class repeated without a vowel between once; at most `limit`. */
function soundClasses(text: string, limit: number): string {
  let sequence = '';
  let previous = '';
  for (const letter of text.replace(DIGRAPHS, (digraph) => DIGRAPH_SOUNDS[digraph] ?? digraph).replace(SOFT_C, 's')) {
    const sound = letter === H_SOUND ? H_SOUND : CONSONANT_CLASSES[letter];
    if (!sound) {
      if (VOWELS.has(letter)) previous = '';
      continue;
    }
    if (sound === previous) continue;
    sequence += previous = sound;
    if (sequence.length === limit) break;
  }
  return sequence;
}

/** A part's whole sequence of sound classes in each reading, when it has two classes or more (the `pf:` keys). */
export function soundSequences(text: string): string[] {
  return [...new Set(readingsOf(text).map((reading) => soundClasses(reading, Infinity)))].filter(
    (sequence) => sequence.length >= 2,
  );
}

/** The sound class of r and l, left out at the end of a sequence too (see withOneSoundDropped). */
const FADING_LAST = CONSONANT_CLASSES.r;

/**
 * A part's whole sound sequence and, when it has three sounds or more, the
 * same with each inner sound left out in turn, for a part written in Latin: a
 * spelling through another script drops or adds a sound (Blumhardt, 布魯哈德:
 * BLMLT, BLLT; Ballester, バレステル: BLSTL, BLSL). The other script's side
 * brings its likeliest spellings instead. The first and last sounds are kept,
 * but for a closing r or l (FADING_LAST), which many names do not sound and
 * other scripts leave out (Hilker, 希爾克: LKL, LK; Weare, ウィアー): on the
 * netranslit train splits, leaving any first or last sound out lost more twins
 * than it found (the keys of a sequence without its first or last sound are
 * those of many other names, ranked over the twin), and made a Latin record
 * 1.8 keys more.
 */
export function withOneSoundDropped(sequence: string): string[] {
  const variants = new Set([sequence]);
  if (sequence.length < 3) return [...variants];
  for (let index = 1; index < sequence.length - 1; index++)
    variants.add(sequence.slice(0, index) + sequence.slice(index + 1));
  if (sequence.endsWith(FADING_LAST)) variants.add(sequence.slice(0, -1));
  return [...variants];
}

/**
 * Coarse sound keys of a part: the classes of its first four consonants
 * (a class repeated without a vowel between once), cut to three, and the same with each one left out in turn,
 * so that two spellings meet when one drops or adds a consonant
 * (`hobart` BLT and `hobat` BT share BT; `mirjana` MLJM and `mirana` MLM
 * share MLM). Two-class keys only come from parts with three classes or
 * fewer: a longer part has keys specific enough without them; a part of one
 * class keys on it alone. Each reading of the part (see readingsOf) is keyed.
 *
 * With `keepFirst` (a person's name part read from another script), the first
 * class is never the one left out: the Latin side still leaves it out, so the
 * two meet when either drops or adds it, and on the netranslit train splits the
 * keys both sides made without their first sound lifted other names over the
 * twin more often than they found one (a record in another script, a key
 * fewer; a sixth fewer twins missed by the candidate stage).
 */
export function soundKeys(text: string, { keepFirst = false }: { keepFirst?: boolean } = {}): string[] {
  const keys = new Set<string>();
  for (const reading of readingsOf(text)) {
    const sequence = soundClasses(reading, SOUND_CLASSES_READ);
    // A part of one class keys on it alone (Yami, 雅蜜: M), else on two classes or more.
    const shortest = sequence.length === 1 ? 1 : sequence.length <= SOUND_KEY_LENGTH ? 2 : SOUND_KEY_LENGTH;
    const add = (key: string) => {
      const cut = key.slice(0, SOUND_KEY_LENGTH);
      if (cut.length >= shortest) keys.add(cut);
    };
    add(sequence);
    for (let index = keepFirst ? 1 : 0; index < sequence.length; index++)
      add(sequence.slice(0, index) + sequence.slice(index + 1));
  }
  return [...keys];
}

/** Vowels by how transliteration keeps them apart: open, front and back. */
const VOWEL_CLASSES: Record<string, string> = { a: 'a', e: 'i', i: 'i', y: 'i', o: 'u', u: 'u' };
const ONSET_SOUNDS = 2;

/**
 * A part's first two sound classes, each with the class of the vowel that
 * follows it (none before another consonant or the end), in each reading:
 * Seret and Сере (sere) SiLi, Sorel SuLi. A short name's consonants alone
 * are shared by hundreds of names in a large table (pc:SL, pf:SL), and its
 * twin, agreeing on nothing else, ranked among them by chance; Cyrillic,
 * Hangul and kana write vowels, and the learned spellings of Arabic, Hebrew
 * and Han guess them, so agreeing vowels lift it (on the train splits, a
 * third of the twins the candidate stage missed were found). A part with one
 * sound keys on it when a vowel follows (Yumi, 유미: Mi).
 */
export function vowelledOnsets(text: string): string[] {
  const onsets = new Set<string>();
  for (const reading of readingsOf(text)) {
    const sounds = vowelledSounds(reading).slice(0, ONSET_SOUNDS);
    const onset = sounds.join('');
    if (sounds.length === ONSET_SOUNDS || (sounds.length === 1 && onset.length > 1)) onsets.add(onset);
  }
  return [...onsets];
}

const TAIL_SOUNDS = 2;
const TAIL_FROM_SOUNDS = 3;

/**
 * A part's last two sound classes, each with the class of the vowel that
 * follows it (none before another consonant or the end), in each reading,
 * when the part has three sounds or more (with fewer, its onset says as
 * much): Cecilia and Сесилия (sesiliya) SiLi, Asajiro SiLu. Ranked among the
 * names sharing the coarse sound keys of a name's start, the twin agreeing on
 * how it ends comes first: on the netranslit train splits, a tenth fewer twins
 * were missed by the candidate stage, for a key per part.
 */
export function vowelledTails(text: string): string[] {
  const tails = new Set<string>();
  for (const reading of readingsOf(text)) {
    const sounds = vowelledSounds(reading);
    if (sounds.length >= TAIL_FROM_SOUNDS) tails.add(sounds.slice(-TAIL_SOUNDS).join(''));
  }
  return [...tails];
}

/**
 * A reading's sound classes in order (a class repeated without a vowel between
 * once), each with the class of the first vowel after it: a vowel before the
 * first sound, or after another vowel, says nothing more.
 */
function vowelledSounds(reading: string): string[] {
  const sounds: string[] = [];
  let previous = '';
  for (const letter of reading
    .replace(DIGRAPHS, (digraph) => DIGRAPH_SOUNDS[digraph] ?? digraph)
    .replace(SOFT_C, 's')) {
    const sound = letter === H_SOUND ? H_SOUND : CONSONANT_CLASSES[letter];
    if (!sound) {
      const vowel = VOWEL_CLASSES[letter];
      if (vowel && sounds.length > 0 && previous !== '') sounds[sounds.length - 1] += vowel;
      if (VOWELS.has(letter)) previous = '';
      continue;
    }
    if (sound === previous) continue;
    sounds.push((previous = sound));
  }
  return sounds;
}
