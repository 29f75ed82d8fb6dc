import { textProblemIn, textRuleBroken } from './request-text';

describe('textRuleBroken', () => {
  it.each([
    ['a lone high surrogate', 'A\ud800B', undefined, 'wellFormedUnicode'],
    ['a lone low surrogate', '\udc00', undefined, 'wellFormedUnicode'],
    ['NUL', 'A\u0000B', undefined, 'noControlCharacters'],
    ['ESC', 'a\u001bb', undefined, 'noControlCharacters'],
    ['DEL', 'a\u007f', undefined, 'noControlCharacters'],
    ['a C1 control', 'a\u0085b', undefined, 'noControlCharacters'],
    ['CR LF in a single-line field', 'https://x.example/\r\nX-Injected: 1', 'url', 'singleLine'],
    ['LF in a name', 'Jean\nPaul', 'given', 'singleLine'],
    ['a line separator', 'a\u2028b', 'given', 'singleLine'],
    ['only zero-width characters', '\u200b\u200c\u200d', 'family', 'visibleText'],
    ['only spaces and a word joiner', '  \u2060 ', 'family', 'visibleText'],
  ])('refuses %s', (_, text, field, rule) => {
    expect(textRuleBroken(text, field)).toBe(rule);
  });

  it.each([
    ['a plain name', 'Jean-Paul', 'given'],
    ['an emoji (a surrogate pair)', 'Anna \u{1F600}', 'given'],
    ['Arabic with a zero-width non-joiner inside a word', 'می\u200cخواهم', 'full'],
    ['an MRZ over two lines', 'P<UTOERIKSSON<<ANNA<MARIA\nL898902C36UTO7408122F1204159', 'mrz'],
    ['a description over lines', 'oil on canvas\r\nsigned lower right', 'description'],
    ['a tab', 'a\tb', 'purpose'],
    ['empty text (left to each field’s own rules)', '', 'given'],
  ])('accepts %s', (_, text, field) => {
    expect(textRuleBroken(text, field)).toBeUndefined();
  });
});

describe('textProblemIn', () => {
  it('names the field where a rule is broken, however deep', () => {
    expect(textProblemIn({ person: { names: [{ given: 'A' }, { family: 'B\u0000' }] } })).toEqual(
      expect.objectContaining({ field: 'person.names[1].family', rule: 'noControlCharacters' }),
    );
  });

  it('checks the items of a list of strings by the list’s field', () => {
    expect(textProblemIn({ aliases: ['ok', 'x\ny'] })).toEqual(
      expect.objectContaining({ field: 'aliases[1]', rule: 'singleLine' }),
    );
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a %s key rather than dropping it', (key) => {
    const parsed = JSON.parse(`{"kind":"person","person":{"${key}":{"admin":true}}}`) as unknown;
    expect(textProblemIn(parsed)).toEqual(expect.objectContaining({ field: `person.${key}`, rule: 'reservedKey' }));
  });

  it('refuses control characters in a field name', () => {
    expect(textProblemIn({ 'a\u0000': 1 })).toEqual(expect.objectContaining({ rule: 'noControlCharacters' }));
  });

  it('passes a clean body', () => {
    expect(
      textProblemIn({ kind: 'person', person: { names: [{ full: 'Анна Каренина' }] }, n: 1, ok: true, none: null }),
    ).toBeUndefined();
  });
});
