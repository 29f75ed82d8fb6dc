/**
 * Hangul names and their Latin spellings, kind by kind: foreign names written
 * as they sound (read by the learned model, a closed syllable it seldom saw as
 * its open syllable and final consonant: see model-letters.ts) and Korean
 * names romanised by rule; and
 * the kinds of other people's names that must stay below `possible`.
 */
import { compareNames, nameFormsOf } from '..';
import { alignmentSimilarity, learnedLatin, learnedUnits } from './learned-transliteration';

const POSSIBLE = 0.7;
/** Where learned alignment puts other people's names (see alignmentSimilarity). */
const AT_OTHER_PERSON = 0.76;

const compare = (latin: string, hangul: string) =>
  compareNames(nameFormsOf(latin), nameFormsOf(hangul, { script: 'Kore' }))!;

describe('Hangul names meet their Latin spellings', () => {
  it.each([
    // [kind, Latin, Hangul, least score, route]
    ['a closed syllable seldom seen whole (냅)', 'Nabb', '냅', 0.85, 'learned transliteration'],
    ['a closed syllable seldom seen whole (적)', 'Zuck', '적', 0.8, 'learned transliteration'],
    ['a closed syllable before a reduced vowel (깁스)', 'Gibbs', '깁스', 0.9, 'learned transliteration'],
    ['a final consonant closing a Latin syllable (윌슨)', 'Wilson', '윌슨', 0.9, 'learned transliteration'],
    ['a final consonant closing a Latin syllable (셸턴)', 'Shelton', '셸턴', 0.9, 'learned transliteration'],
    ['ㅓ for English er, ur (터너)', 'Turner', '터너', 0.9, 'learned transliteration'],
    ['ㅓ for English o, a (해럴드)', 'Harold', '해럴드', 0.9, 'learned transliteration'],
    ['ㅡ written where English has no vowel (프레스턴)', 'Preston', '프레스턴', 0.9, 'learned transliteration'],
    ['ㅡ written where English has no vowel (브리스틀)', 'Bristol', '브리스틀', 0.9, 'learned transliteration'],
    ['a syllable the training pairs never showed (줴)', 'Gerard', '줴라르', 0.85, 'learned transliteration'],
    ['ㄹㄹ for an l between vowels (켈리)', 'Kelly', '켈리', 0.9, 'learned transliteration'],
    ['ㄹㄹ for an l between vowels (밀러)', 'Miller', '밀러', 0.95, 'learned transliteration'],
    ['ㄹㄹ for an l between vowels (콜린스)', 'Collins', '콜린스', 0.95, 'learned transliteration'],
    ['a word beginning with 러 spells its l (러살)', 'Lasalle', '러살', 0.85, 'learned transliteration'],
    ['a word beginning with 러 spells its l (러벳)', 'Lovett', '러벳', 0.85, 'learned transliteration'],
    ['an English silent final e (로)', 'Lowe', '로', 0.85, 'learned transliteration'],
    ['a French silent final e (쿠프)', 'Coupe', '쿠프', 0.85, 'learned transliteration'],
    ['a French silent final t (부케)', 'Bouquet', '부케', 0.75, 'learned transliteration'],
    ['a silent final h (세라)', 'Sarah', '세라', 0.8, 'learned transliteration'],
    ['a non-rhotic r before a consonant (루크)', 'Rourke', '루크', 0.8, 'learned transliteration'],
    ['Revised Romanisation, given name split', 'Choi Yong Geon', '최용건', 0.95, 'romanised'],
    ['McCune–Reischauer, given name hyphenated', 'Choe Yong-gon', '최용건', 0.9, 'romanised'],
    ['passport spelling, given name hyphenated', 'Kim Il-sung', '김일성', 0.9, 'romanised'],
    ['family name spelled Yi', 'Yi Min Ho', '이민호', 0.9, 'romanised'],
    ['given name first, written joined', 'Minho Lee', '이민호', 0.9, 'romanised'],
    ['given name first, hyphenated', 'Il-sung Kim', '김일성', 0.9, 'romanised'],
  ])('%s: %s ~ %s', (_kind, latin, hangul, least, route) => {
    const agreement = compare(latin, hangul);
    expect(agreement.score).toBeGreaterThanOrEqual(least);
    expect(agreement.detail).toContain(`(${route})`);
  });

  it.each([
    // [kind, Latin, Hangul]
    ['the same family and first given syllable, another second', 'Park Ji-hoon', '박지성'],
    ['another ending where the name has a silent one', 'Bouquin', '부케'],
  ])('%s: %s and %s stay other names', (_kind, latin, hangul) => {
    expect(compare(latin, hangul).score).toBeLessThan(POSSIBLE);
  });

  // Known false alarms: the learned alignment turns these away, but Jaro-Winkler on the table's likeliest
  // spelling takes them (칼슨 `calson`, 쿠프 `couv`; Latin to Latin, Carlton and Carlson score 0.94 too).
  it.failing.each([
    ['another English name sharing the batchim', 'Carlton', '칼슨'],
    ['a longer name beginning alike', 'Coupland', '쿠프'],
  ])('%s: %s and %s stay other names', (_kind, latin, hangul) => {
    expect(compare(latin, hangul).score).toBeLessThan(POSSIBLE);
  });

  it.each([
    ['another English name sharing the batchim', 'carlton', '칼슨'],
    ['a longer name beginning alike', 'coupland', '쿠프'],
  ])('%s: the learned alignment does not take %s for %s', (_kind, latin, hangul) => {
    expect(alignmentSimilarity(hangul, latin, 'korean')).toBeLessThan(AT_OTHER_PERSON);
  });

  it.each([
    ['one syllable apart', '박지성', '박지선'],
    ['one final consonant apart', '김민준', '김민주'],
  ])('Hangul names %s are other people', (_kind, a, b) => {
    expect(compareNames(nameFormsOf(a), nameFormsOf(b))!.score).toBeLessThan(POSSIBLE);
  });
});

describe('how the learned model reads Hangul', () => {
  it.each([
    ['open syllables stay whole', '로버트', ['로', '버', '트']],
    ['a closed syllable the training pairs show often stays whole', '슨', ['슨']],
    ['a closed syllable they seldom show is its open syllable and final', '냅', ['내', 'ᆸ']],
    ['ㄹㄹ is one l: the final ㄹ left out, the syllable after it marked', '켈리', ['케', 'ᆯ리']],
    ['ㄹㄹ in a longer word', '엘리자베스', ['에', 'ᆯ리', '자', '베', '스']],
    ['a ㄹ-syllable with no final ㄹ before it is not marked', '러셀', ['러', '셀']],
  ])('%s: %s', (_kind, word, units) => {
    expect(learnedUnits(word, 'korean')).toEqual(units);
  });

  it.each([
    ['뤄', '뤄버트'],
    ['줴', '줴라르'],
  ])('spells a syllable it never saw (%s) by rule, inside one Latin word: %s', (_syllable, word) => {
    expect(learnedLatin(word, 'korean')).toMatch(/^[a-z]+$/);
  });

  it.each(['냅', '켈리'])('gives back the written word, not its units: %s', (word) => {
    const learned = nameFormsOf(word, { script: 'Kore' }).find((form) => form.route === 'learned');
    expect(learned?.parts[0].learned?.word).toBe(word);
  });
});
