import { balticStem, endsUnmarked } from './baltic-endings';

describe("balticStem: a man's name without the ending Latvian or Lithuanian gives it", () => {
  it.each([
    ['Latvian -s after a consonant', 'ivanovs', 'ivanov'],
    ['Latvian -s after j, closing -ij read as -i', 'jurijs', 'juri'],
    ['Latvian -s after l', 'mihails', 'mihail'],
    ['Lithuanian -as', 'sokolovas', 'sokolov'],
    ['Lithuanian -is', 'jonaitis', 'jonait'],
    ['Lithuanian -ys', 'kazys', 'kaz'],
    ['Lithuanian -ijus', 'dmitrijus', 'dmitri'],
    ['Lithuanian -ius', 'andrius', 'andri'],
    ['Lithuanian -us', 'petrauskus', 'petrausk'],
    ['no ending: a vowel before s that no Baltic ending has', 'carlos', undefined],
    ['no ending: double s', 'gross', undefined],
    ['no ending: does not end in s', 'ivanov', undefined],
    ['too short to carry one', 'ivas', undefined],
    ['a vowel before the ending vowel', 'mateus', undefined],
  ])('%s: %s → %s', (_, part, stem) => {
    expect(balticStem(part)).toBe(stem);
  });
});

describe("endsUnmarked: whether a part ends as a man's name without a Baltic ending does", () => {
  it.each([
    ['a consonant', 'ivanov', true],
    ['-i', 'yuri', true],
    ['-y', 'dmitry', true],
    ["-a, a woman's name", 'julia', false],
    ['-e', 'julie', false],
  ])('%s: %s → %s', (_, part, unmarked) => {
    expect(endsUnmarked(part)).toBe(unmarked);
  });
});
