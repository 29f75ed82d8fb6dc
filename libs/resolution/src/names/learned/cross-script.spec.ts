/**
 * The name engine across scripts: names from public pairs (netranslit's
 * Wikidata names, not ours) meet their Latin spelling, each by the route the
 * explanation names; and the false-hit kinds stay apart.
 */
import { compareNames, nameFormOfParts, nameFormsOf } from '..';
import { learnedLatin } from './learned-transliteration';

const compare = (latin: string, other: string, script?: string) =>
  compareNames(nameFormsOf(latin), nameFormsOf(other, { script }))!;

describe('names across scripts', () => {
  it.each([
    // [script, Latin, other script, ISO 15924 given by the record, least score (0.7 is matching's possible), route]
    ['Cyrillic', 'Vladimir Putin', 'Владимир Путин', 'Cyrl', 1, 'romanised'],
    ['Greek', 'Nikolaos Papadopoulos', 'Νικόλαος Παπαδόπουλος', 'Grek', 1, 'romanised'],
    ['Arabic', 'Mannerheim', 'مانرهايم', 'Arab', 0.9, 'learned transliteration'],
    ['Hebrew', 'Liebgold', 'ליבגולד', 'Hebr', 0.9, 'learned transliteration'],
    [
      'Hebrew, letters with an apostrophe for a geresh',
      'Giacchino',
      "ג'יאצ'ינו",
      'Hebr',
      0.9,
      'learned transliteration',
    ],
    ['Hebrew, a letter with a geresh', 'Chaplygin', 'צ׳פליגין', 'Hebr', 0.9, 'learned transliteration'],
    ['Hangul, a foreign name', 'Rickles', '리클스', 'Kore', 0.9, 'learned transliteration'],
    // The rule's spelling is the model's: the written word is still aligned under the model (롭, seldom seen
    // whole, as 로 and its final ㅂ: a possible, no longer a hit on the name alone).
    [
      'Hangul, romanised by rule as the model spells it',
      'Loeb',
      '롭',
      'Kore',
      0.8,
      'aligned by learned transliteration',
    ],
    // The likeliest spelling is one letter (가 often unwritten): a word, not an initial.
    ['Hangul, a one-letter learned spelling', 'Kaz', '가즈', 'Kore', 0.85, 'aligned by learned transliteration'],
    // A chunk the data never showed for a character, sounding like one it did (see chunk-sounds.ts): a hit.
    [
      'Hangul, a chunk that sounds like a seen one (ve/be)',
      'Vader',
      '베이더',
      'Kore',
      0.85,
      'aligned by learned transliteration',
    ],
    ['Hangul, a silent letter (Faulkner)', 'Faulkner', '포크너', 'Kore', 0.8, 'aligned by learned transliteration'],
    [
      'Han, a chunk that sounds like a seen one (four/fo)',
      'Fourcade',
      '佛卡德',
      'Hani',
      0.8,
      'aligned by learned transliteration',
    ],
    [
      'Han, a first syllable that is a title in Greek',
      'Carlock',
      '卡拉克',
      'Hani',
      0.8,
      'aligned by learned transliteration',
    ],
    ['katakana', 'Rickles', 'リクルス', 'Jpan', 0.7, 'learned transliteration'],
    ['Han, a foreign name (traditional)', 'Isabella', '伊莎貝拉', 'Hani', 0.7, 'learned transliteration'],
    ['Han, a Chinese name', 'Wang Wei', '王伟', 'Hani', 1, 'romanised'],
    ['Hangul, a Korean name', 'Kim Min Jun', '김민준', 'Kore', 1, 'romanised'],
  ])('%s: %s ~ %s', (_script, latin, other, script, least, route) => {
    const agreement = compare(latin, other, script);
    expect(agreement.score).toBeGreaterThanOrEqual(least);
    expect(agreement.detail).toContain(`(${route})`);
  });

  it.each([
    ['Hani', 'Chinese', 1],
    ['Hant', 'Chinese', 1],
    ['Jpan', 'Japanese', 1],
    ['', 'Chinese and Japanese', 2],
  ])('reads Han given as %j with the %s model (%d learned forms)', (script, _models, count) => {
    const forms = nameFormsOf('伊莎貝拉', { script }).filter((form) => form.route === 'learned');
    expect(forms).toHaveLength(count);
    if (script.startsWith('Han')) expect(forms[0].parts).toEqual([expect.objectContaining({ text: 'isabela' })]);
  });

  // Chunks that sound alike count at a discount: another person's name sharing some sounds stays below possible.
  it.each([
    ['Hangul, Falconer is not Faulkner', 'Falconer', '포크너', 'Kore'],
    ['Hangul, Walker is not Faulkner', 'Walker', '포크너', 'Kore'],
    ['Hangul, Baker is not Vader', 'Baker', '베이더', 'Kore'],
    ['Han, Carlos is not Carlock', 'Carlos', '卡拉克', 'Hani'],
    ['Han, Fortier is not Fourcade', 'Fortier', '佛卡德', 'Hani'],
  ])('%s: %s and %s stay other names', (_case, latin, other, script) => {
    expect(compare(latin, other, script).score).toBeLessThan(0.7);
  });

  it('reads a name in capitals as in lower case', () => {
    expect(learnedLatin('ВЛАДИМИР', 'russian')).toBe(learnedLatin('владимир', 'russian'));
  });

  it('leaves a character no table knows for the rule-based romanisation', () => {
    expect(learnedLatin('Ωmega', 'russian')).toBe('ωmega');
  });
});

describe('names in the same non-Latin script', () => {
  it.each([
    ['one Han name, simplified and traditional', '王伟', '王偉', 1],
    ['one Hangul name', '김민준', '김민준', 1],
    ['Han names one character apart, though read alike', '王伟', '王玮', 0.5],
    ['Hangul names one character apart', '김민준', '김민중', 0.5],
  ])('%s', (_case, a, b, score) => {
    expect(compareNames(nameFormsOf(a), nameFormsOf(b))!.score).toBe(score);
  });

  // Near neighbours: names of one script two letters apart, or one in a word of two letters; a name alone
  // reaching 0.7 would be a `possible`.
  it.each([
    ['Cyrillic, two letters apart', 'Харриет', 'Харрин', 'Cyrl'],
    ['Cyrillic, two letters apart in a short name', 'Кисси', 'Кису', 'Cyrl'],
    ['Arabic, Hamid and Muhammad', 'حامد', 'محمد', 'Arab'],
    ['Hebrew, David and Dani', 'דוד', 'דני', 'Hebr'],
    ['Hebrew, one letter apart in a word of two', 'דן', 'רן', 'Hebr'],
    ['katakana, Smith and Schmidt', 'スミス', 'スミット', 'Jpan'],
    ['a family name shared, the given names apart', 'Иван Петров', 'Иона Петров', 'Cyrl'],
  ])('%s: %s and %s stay other names', (_case, a, b, script) => {
    expect(compareNames(nameFormsOf(a, { script }), nameFormsOf(b, { script }))!.score).toBeLessThan(0.7);
  });

  it('says the letters differ where the romanisations alone would agree', () => {
    const agreement = compareNames(
      nameFormsOf('Харриет', { script: 'Cyrl' }),
      nameFormsOf('Харрин', { script: 'Cyrl' }),
    )!;
    expect(agreement).toEqual({ score: 0.5, detail: expect.stringContaining('"Харриет" ≠ "Харрин": other letters') });
  });

  // What the rule trades: one slip in a word of three letters or more is taken for a typo and scored on the
  // romanisations, so some names one letter apart still meet (Mahmud and Muhammad did before this rule too).
  it.each([
    ['Cyrillic, a letter replaced', 'Геден', 'Гедин', 'Cyrl'],
    ['Hebrew, a letter replaced', 'דוד כהן', 'דור כהן', 'Hebr'],
    ['Arabic, a letter added', 'محمد', 'محمود', 'Arab'],
  ])('%s: %s ~ %s is scored as one name misspelt', (_case, a, b, script) => {
    const agreement = compareNames(nameFormsOf(a, { script }), nameFormsOf(b, { script }))!;
    expect(agreement.score).toBeGreaterThanOrEqual(0.7);
    expect(agreement.detail).not.toContain('other letters');
  });

  it.each([
    ['one name', 'Иван Петров', 'Иван Петров', 'Cyrl', 1],
    ['a middle name on one side only', 'Иван Петров', 'Иван Сергеевич Петров', 'Cyrl', 0.85],
    ['a typo in a long word', 'Наталья Петрова', 'Наталия Петрова', 'Cyrl', 0.9],
    ['vowel points on one side', 'דָּוִד כהן', 'דוד כהן', 'Hebr', 1],
  ])('%s: %s ~ %s', (_case, a, b, script, least) => {
    expect(compareNames(nameFormsOf(a, { script }), nameFormsOf(b, { script }))!.score).toBeGreaterThanOrEqual(least);
  });

  it('compares in the characters even when a Latin spelling of both reads the same', () => {
    const left = [...nameFormsOf('Wang Wei'), ...nameFormsOf('王伟')];
    const right = [...nameFormsOf('Wang Wei'), ...nameFormsOf('王玮')];
    const agreement = compareNames(left, right)!;
    expect(agreement.score).toBeLessThan(0.7);
    expect(agreement.detail).toContain('other characters');
  });
});

describe('given and family names', () => {
  it('counts a given name paired with a family name for less when both records say which is which', () => {
    const swapped = compareNames([nameFormOfParts('Grace', 'Kelly')], [nameFormOfParts('Kelly', 'Grace')])!;
    expect(swapped.score).toBeLessThan(0.7);
    expect(swapped.detail).toContain('given name on one side, family name on the other');
  });

  it('still pairs them freely when one side gave a full name only', () => {
    expect(compareNames([nameFormOfParts('Grace', 'Kelly')], nameFormsOf('Kelly Grace'))!.score).toBe(1);
  });
});
