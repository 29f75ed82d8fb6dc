import { nameFormOf, nameFormOfParts } from './name-parts';
import { compareNames } from './name-similarity';

const score = (a: string, b: string): number => compareNames([nameFormOf(a)], [nameFormOf(b)])!.score;
const detail = (a: string, b: string): string => compareNames([nameFormOf(a)], [nameFormOf(b)])!.detail;

describe('compareNames: names that agree', () => {
  it.each([
    ['the same name', 'Ivan Petrov', 'Ivan Petrov', 1],
    ['given and family name swapped', 'Petrov Ivan', 'Ivan Petrov', 1],
    ['case, accents and punctuation', 'JOSÉ MARTÍNEZ-LÓPEZ', 'jose martinez lopez', 1],
    ['a typo', 'Ivan Petrov', 'Ivan Petorv', 0.95],
    ['a Russian surname written with -off', 'Ivan Ivanov', 'Ivan Ivanoff', 0.95],
    ['Mohammed / Muhammad', 'Mohammed Ali', 'Muhammad Ali', 0.95],
    ['Mohamed / Mohammad', 'Mohamed Ali', 'Mohammad Ali', 0.95],
    ['Muhammad / Mohamed', 'Muhammad Ali', 'Mohamed Ali', 0.95],
    ['Aleksandr / Alexander', 'Aleksandr Ivanov', 'Alexander Ivanov', 0.95],
    ['Alexandr / Aleksandr', 'Alexandr Ivanov', 'Aleksandr Ivanov', 0.95],
    ['Yusuf / Youssef', 'Yusuf Khan', 'Youssef Khan', 0.95],
    ['Sergei / Sergey', 'Sergei Smirnov', 'Sergey Smirnov', 0.95],
    ['a missing middle name costs little', 'Ivan Sergeyevich Petrov', 'Ivan Petrov', 0.9],
    ['a missing second family name costs little', 'Gabriel García Márquez', 'Gabriel García', 0.9],
    ['an initial for a given name', 'J. Smith', 'John Smith', 0.85],
    ['particles written solid', 'Juan Delacruz', 'Juan de la Cruz', 1],
    ['particles dropped', 'Juan de la Cruz', 'Juan Cruz', 0.95],
    ['al- dropped', 'Omar al-Bashir', 'Omar Bashir', 0.95],
    ['two parts written as one', 'Wang Xiao Ming', 'Wang Xiaoming', 0.95],
    ['Abdul Rahman written as one', 'Abdul Rahman Hassan', 'Abdulrahman Hassan', 0.95],
    ['a Korean name romanised two ways, split differently', 'Gim Min Jun', 'Kim Minjun', 0.9],
    ['Latvian endings on a Russian name', 'Jurijs Ivanovs', 'Yuri Ivanov', 0.9],
    ['Lithuanian endings on a Russian name', 'Dmitrijus Sokolovas', 'Dmitry Sokolov', 0.9],
    ['Latvian endings and spelling', 'Mihails Kuzņecovs', 'Mikhail Kuznetsov', 0.9],
    ['Latvian and Lithuanian endings on one name', 'Jurijs Ivanovs', 'Jurijus Ivanovas', 0.9],
    ['Hungarian spelling of a Russian name', 'Mihály Kuznyecov', 'Mikhail Kuznetsov', 0.85],
    ['Polish spelling of a Russian family name', 'Ivan Kuzniecow', 'Ivan Kuznetsov', 0.85],
    ['a particle written solid, one letter apart', 'Abu Bakr al-Baghdadi', 'Abubakar Baghdadi', 0.95],
  ])('%s: %s ≈ %s (≥ %d)', (_, a, b, atLeast) => {
    expect(score(a, b)).toBeGreaterThanOrEqual(atLeast);
  });
});

describe('compareNames: names that do not', () => {
  it.each([
    ['another family name', 'Ivan Petrov', 'Ivan Sidorov', 0.55],
    ['another given name', 'Ivan Petrov', 'Sergei Petrov', 0.55],
    ['another patronymic', 'Ivan Sergeyevich Petrov', 'Ivan Nikolayevich Petrov', 0.7],
    ['nothing in common', 'Ivan Petrov', 'Maria Gonzalez', 0.1],
    ['a family name alone against a full name', 'Petrov', 'Ivan Petrov', 0.7],
    ['an initial that does not fit', 'K. Smith', 'John Smith', 0.55],
    ['a Baltic ending does not make a man of a woman', 'Julius Smith', 'Julia Smith', 0.55],
    ['two names apart once their Baltic endings are gone', 'Marius Berg', 'Mario Berg', 0.55],
    ['names that sound alike only to Daitch-Mokotoff, too many letters apart', 'Marit Olsen', 'Sari Olsen', 0.55],
    [
      'a particle written solid does not lend its letters to the edits allowed',
      'Juan de la Cruz',
      'Juan Delacroix',
      0.55,
    ],
  ])('%s: %s vs %s (≤ %d)', (_, a, b, atMost) => {
    expect(score(a, b)).toBeLessThanOrEqual(atMost);
  });
});

describe('compareNames of a phrase (an artwork’s title)', () => {
  const asPhrase = (a: string, b: string) => compareNames([nameFormOf(a)], [nameFormOf(b)], { phrase: true })!;
  it.each([
    ['a Baltic ending', 'Dmitrijus', 'Dmitry'],
    ['a Hungarian spelling', 'Kuznyecov', 'Kuznetsov'],
    ['a Polish spelling', 'Kuzniecow', 'Kuznetsov'],
    ['another European spelling', 'Mihaly', 'Mikhail'],
  ])('takes words apart by %s that a person’s name would meet through: %s vs %s', (_, a, b) => {
    expect(score(a, b)).toBeGreaterThanOrEqual(0.85);
    expect(asPhrase(a, b).score).toBeLessThanOrEqual(0.55);
    expect(asPhrase(a, b).detail).not.toMatch(/Baltic|Daitch-Mokotoff/);
  });

  it('still meets a word spelt with a typo or sounding alike', () => {
    expect(asPhrase('Sunflowers Vase', 'Sunflowers Vace').score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('compareNames explains itself part by part', () => {
  it('names the Jaro-Winkler of a fuzzy pair and the role of each part', () => {
    const agreement = compareNames([nameFormOfParts('Ivan', 'Ivanov')], [nameFormOfParts('Ivan', 'Ivanoff')])!;
    expect(agreement.detail).toContain('family name: Ivanov ≈ Ivanoff (JW 0.91)');
    expect(agreement.detail).toContain('given name: Ivan = Ivan');
  });

  it.each([
    ['Petrov Ivan', 'Ivan Petrov', 'written in another order'],
    ['Mohammed Ali', 'Muhammad Ali', 'Mohammed ~ Muhammad (spellings of one name'],
    ['Ivan Sergeyevich Petrov', 'Ivan Petrov', 'Sergeyevich on one side only'],
    ['Juan de la Cruz', 'Juan Cruz', 'Delacruz ≈ Cruz (same name without its particle)'],
    ['Ivan Petrov', 'Ivan Sidorov', 'Petrov ≠ Sidorov (JW 0.53)'],
    ['John Smyth', 'John Smith', 'Smyth ~ Smith (sound alike, JW 0.89)'],
    ['J. Smith', 'John Smith', 'J ~ John (initial)'],
    ['Dmitrijus Sokolovas', 'Dmitry Sokolov', 'Dmitrijus ≈ Dmitry (the same name with a Baltic ending, JW 0.88)'],
    ['Mihály Kuznyecov', 'Mikhail Kuznetsov', 'Mihaly ~ Mikhail (one name as two European languages spell it'],
  ])('%s vs %s says %j', (a, b, expected) => {
    expect(detail(a, b)).toContain(expected);
  });

  it('compares every form of both names and keeps the best', () => {
    const left = [nameFormOf('Vanya Petrov', { alias: true }), nameFormOf('Иван Петров')];
    const right = [nameFormOf('Ivan Petrov')];
    expect(compareNames(left, right)).toEqual({
      score: 1,
      detail: expect.stringContaining('"Иван Петров" ↔ "Ivan Petrov"'),
    });
  });

  it('gives nothing to compare when a side has no parts', () => {
    expect(compareNames([nameFormOf('  ')], [nameFormOf('Ivan')])).toBeUndefined();
  });
});
