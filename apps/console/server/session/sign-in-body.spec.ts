import { issueApiKey, parseApiKey } from '@crosscheck/auth';
import { KEY_LENGTH, keyProblems, signInBodyProblems } from './sign-in-body';

const KEY = `cck_0123456789abcdef_${'A1b2-C3d4_'.repeat(4)}xyz`;

describe('signInBodyProblems', () => {
  it('finds none in a body holding a well-formed key', () => {
    expect(KEY).toHaveLength(KEY_LENGTH);
    expect(signInBodyProblems({ key: KEY })).toEqual([]);
  });

  it.each<[string, string, string, RegExp, unknown]>([
    ['no body', 'body', 'isDefined', /^is missing; send \{"key": "cck_…"\} as JSON$/, undefined],
    ['null', 'body', 'isObject', /not null$/, null],
    ['an array', 'body', 'isObject', /not an array$/, [KEY]],
    [
      'the key alone, as a JSON string',
      'body',
      'isObject',
      /^must be a JSON object, \{"key": "cck_…"\}, not a string$/,
      KEY,
    ],
    ['a number', 'body', 'isObject', /not a number$/, 42],
    ['an empty object', 'key', 'isDefined', /^is required$/, {}],
    ['a misspelt field, told apart from the missing one', 'key', 'isDefined', /^is required$/, { Key: KEY }],
    ['a null key', 'key', 'isString', /^must be a string, not null$/, { key: null }],
    ['a number key', 'key', 'isString', /^must be a string, not a number$/, { key: 12345 }],
    ['a key in an array', 'key', 'isString', /not an array$/, { key: [KEY] }],
    ['a key as an object', 'key', 'isString', /not an object$/, { key: { value: KEY } }],
    ['an empty key', 'key', 'isNotEmpty', /^must not be empty$/, { key: '' }],
    [
      'a key with a line break after it',
      'key',
      'noSurroundingSpace',
      /^must not start or end with spaces or line breaks$/,
      { key: `${KEY}\n` },
    ],
    [
      'a whole Authorization header',
      'key',
      'isCrosscheckKey',
      /^must be the key alone, without "Bearer "$/,
      { key: `Bearer ${KEY}` },
    ],
    ['a password', 'key', 'isCrosscheckKey', /^must start with cck_$/, { key: 'hunter2' }],
    ['a key in capitals', 'key', 'isCrosscheckKey', /^must start with cck_$/, { key: KEY.toUpperCase() }],
    [
      'half a key',
      'key',
      'minLength',
      /^is too short: a crosscheck key is 64 characters \(cck_, a key id of 16 hexadecimal digits, _ and a secret of 43 letters, digits, - or _\), this is 40$/,
      { key: KEY.slice(0, 40) },
    ],
    [
      'a key pasted twice',
      'key',
      'maxLength',
      /^is too long: a crosscheck key is 64 characters .*, this is 128$/,
      { key: KEY + KEY },
    ],
    [
      'a key id that is not hexadecimal',
      'key',
      'isCrosscheckKey',
      /^must have a key id of 16 hexadecimal digits/,
      { key: KEY.replace('0123456789abcdef', '0123456789ABCDEF') },
    ],
    [
      'no _ after the key id',
      'key',
      'isCrosscheckKey',
      /^must have _ between the key id and the secret$/,
      { key: KEY.replace('cdef_', 'cdef-') },
    ],
    [
      'a secret with a space',
      'key',
      'isCrosscheckKey',
      /^must end in a secret of 43 letters, digits, - or _$/,
      { key: KEY.replace('A1b2', 'A1 2') },
    ],
    [
      'a secret with a dot',
      'key',
      'isCrosscheckKey',
      /^must end in a secret of 43/,
      { key: KEY.replace('xyz', 'x.z') },
    ],
    [
      'a prototype key beside the key',
      '__proto__',
      'unknownField',
      /^is not a field of a sign-in, which holds only "key"$/,
      JSON.parse(`{"key": "${KEY}", "__proto__": {"admin": true}}`),
    ],
    ['an agency beside the key', 'agency', 'unknownField', /only "key"$/, { key: KEY, agency: 'DEU' }],
  ])('%s: names %s, breaking %s', (_case, field, rule, message, body) => {
    expect(signInBodyProblems(body)[0]).toEqual({ field, rule, message: expect.stringMatching(message) });
  });

  it('names every problem at once', () => {
    expect(signInBodyProblems({ key: 7, password: 'x' }).map((problem) => `${problem.field} ${problem.rule}`)).toEqual([
      'key isString',
      'password unknownField',
    ]);
    expect(signInBodyProblems({ Key: KEY }).map((problem) => `${problem.field} ${problem.rule}`)).toEqual([
      'key isDefined',
      'Key unknownField',
    ]);
  });

  it('never repeats the key it was given', () => {
    for (const key of [KEY.slice(0, 40), KEY + KEY, `Bearer ${KEY}`, KEY.replace('A1b2', 'A1 2')]) {
      expect(JSON.stringify(keyProblems(key))).not.toContain(key.slice(4, 24));
    }
  });
});

describe('the key shape, as libs/auth issues and reads keys', () => {
  it('accepts every key libs/auth issues', () => {
    for (let i = 0; i < 200; i += 1) expect(keyProblems(issueApiKey().token)).toEqual([]);
  });

  it.each([
    'cck_0123456789abcdef_short',
    `cck_XYZ3456789abcdef_${'a'.repeat(43)}`,
    `cck_0123456789abcdef_${'a'.repeat(44)}`,
    `cck_0123456789abcde_${'a'.repeat(44)}`,
    `cck_0123456789abcdef_${'a'.repeat(42)}.`,
  ])('refuses %p, which libs/auth cannot read either', (token) => {
    expect(parseApiKey(token)).toBeUndefined();
    expect(keyProblems(token)).toHaveLength(1);
  });
});
