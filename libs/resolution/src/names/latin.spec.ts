import { nameFormOf } from './name-parts';
import { compareNames } from './name-similarity';
import { scriptOf, toLatin } from './latin';
import { nameParts, normalizeText } from './name-parts';

describe('normalizeText brings every script to Latin letters', () => {
  it.each([
    ['Russian Cyrillic', 'Иван Петров', 'ivan petrov'],
    ['Russian Cyrillic, shch and yu', 'Юлия Щербакова', 'yuliya shcherbakova'],
    ['Ukrainian Cyrillic: І', 'Іванов', 'ivanov'],
    ['Ukrainian Cyrillic: Г is h, И is y', 'Галина Іванівна', 'halyna ivanivna'],
    ['Ukrainian Cyrillic: Олександр', 'Олександр', 'oleksandr'],
    ['Greek, ου as ou', 'Γιώργος Παπαδόπουλος', 'giorgos papadopoulos'],
    ['Greek, χ as ch', 'Χρήστος', 'christos'],
    ['Arabic, consonants only', 'محمد', 'mhmd'],
    ['Hebrew, consonants only', 'שרה', 'shrh'],
    ['Chinese, pinyin by syllable', '王小明', 'wang xiao ming'],
    ['Chinese, family-name reading (曾 is Zeng, not Ceng)', '曾小明', 'zeng xiao ming'],
    ['Chinese, the usual reading of 娜', '李娜', 'li na'],
    ['Japanese hiragana', 'やまだ たろう', 'yamada tarou'],
    ['Japanese katakana with a digraph', 'キョウコ', 'kyouko'],
    ['Japanese kanji of a known family and given name', '山田太郎', 'yamada taro'],
    ['Korean, family name as passports spell it', '김민준', 'kim min jun'],
    ['Korean, 최 is Choi', '최지우', 'choi ji u'],
    ['Korean, spaced', '박 서연', 'park seo yeon'],
    ['Latin with diacritics', 'José Müller Øystein Łukasz', 'jose muller oystein lukasz'],
    ['German sharp s', 'Straße', 'strasse'],
    ['full-width Latin', 'ＡＢＥ Ｓhinzo', 'abe shinzo'],
    ['apostrophes join', "O'Brien", 'obrien'],
  ])('%s: %s → %s', (_, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('reads kanji as Japanese when the record says the script is Jpan, even for an unknown family name', () => {
    expect(toLatin('山田健', 'Jpan').toLowerCase().trim().split(/\s+/)[0]).toBe('yamada');
  });

  it('leaves plain ASCII as it is', () => {
    expect(toLatin('Ivan Petrov')).toBe('Ivan Petrov');
  });
});

describe('scriptOf', () => {
  it.each([
    ['Ivan', 'Latn'],
    ['Иван', 'Cyrl'],
    ['Γιώργος', 'Grek'],
    ['محمد', 'Arab'],
    ['שרה', 'Hebr'],
    ['王小明', 'Hani'],
    ['やまだ', 'Jpan'],
    ['山田 たろう', 'Jpan'],
    ['김민준', 'Kore'],
    ['123', 'Zyyy'],
  ])('%s is %s', (text, script) => {
    expect(scriptOf(text)).toBe(script);
  });
});

describe('a name in its own script meets its Latin spelling', () => {
  it.each([
    ['Иван Петров', 'Ivan Petrov'],
    ['Іванов', 'Ivanov'],
    ['Иванов', 'Ivanov'],
    ['محمد', 'Muhammad'],
    ['محمد', 'Mohammed'],
    ['يوسف', 'Yusuf'],
    ['Γιώργος Παπαδόπουλος', 'Georgios Papadopoulos'],
    ['שרה כהן', 'Sarah Cohen'],
    ['יוסף', 'Yosef'],
    ['王小明', 'Wang Xiaoming'],
    ['やまだ たろう', 'Yamada Taro'],
    ['山田太郎', 'Taro Yamada'],
    ['김민준', 'Kim Min-jun'],
    ['김민준', 'Gim Minjun'],
  ])('%s ≈ %s', (original, latin) => {
    expect(compareNames([nameFormOf(original)], [nameFormOf(latin)])!.score).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps Arabic-script names that share no consonants apart', () => {
    expect(compareNames([nameFormOf('محمد')], [nameFormOf('Khalid')])!.score).toBeLessThan(0.5);
  });

  it('splits Chinese and Korean names by syllable, so any grouping of syllables meets them', () => {
    expect(nameParts('王小明')).toEqual(['wang', 'xiao', 'ming']);
    expect(nameParts('김민준')).toEqual(['kim', 'min', 'jun']);
  });
});
