import { chunkSound } from './chunk-sounds';

describe('chunkSound', () => {
  it.each([
    ['two spellings of one sound: bour, ber', 'bour', 'ber'],
    ['ck and k', 'ck', 'k'],
    ['voiced and voiceless: v, f, b, p', 'va', 'pe'],
    ['l and r', 'lo', 'ru'],
    ['every affricate and sibilant: ch, tsch, j, zh, s', 'chev', 'zhev'],
    ['h is silent', 'ha', 'a'],
    ['doubled letters once', 'tt', 't'],
  ])('%s: %s sounds as %s', (_case, a, b) => {
    expect(chunkSound(a)).toBe(chunkSound(b));
  });

  it.each([
    ['a vowel or none', 'b', 'ba'],
    ['another consonant class', 'ka', 'ta'],
    ['a consonant added', 'ber', 'bet'],
    ['nothing and a vowel', '', 'e'],
  ])('%s: %s and %s sound apart', (_case, a, b) => {
    expect(chunkSound(a)).not.toBe(chunkSound(b));
  });
});
