/**
 * The text rules every value a client sends must keep, whatever the route and
 * however it arrives (a JSON body, one line of an NDJSON batch, a path id, a
 * query parameter): one set of rules, checked before any handler runs, so
 * that nothing a database or a header would choke on gets in.
 *
 * - well-formed Unicode: no lone surrogate halves;
 * - no control characters (tab aside), and no CR or LF outside the few fields
 *   that hold several lines of text;
 * - not made only of spaces and invisible formatting characters (zero-width
 *   spaces and joiners), when not empty;
 * - no `__proto__`, `constructor` or `prototype` keys, which object mappers
 *   drop silently.
 */
import type { FieldProblem } from './api-errors';

/** Fields whose text may run over several lines: an MRZ's lines, descriptions and reasons. */
const MULTI_LINE_FIELDS = new Set([
  'mrz',
  'description',
  'inscriptions',
  'distinguishingMarks',
  'charges',
  'reason',
  'note',
]);
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const ONLY_INVISIBLE = /^[\s\p{Cf}]+$/u;
// In a /u pattern a well-formed pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Surrogate}/u;

export const TEXT_RULES = {
  wellFormedUnicode: 'must be well-formed Unicode text (it holds a lone surrogate)',
  noControlCharacters: 'must not contain control characters',
  singleLine: 'must be a single line (no CR or LF)',
  visibleText: 'must contain visible characters, not only spaces or invisible formatting characters',
  reservedKey: 'is a reserved name and cannot be a field',
} as const;

export type TextRule = keyof typeof TEXT_RULES;

/** The first rule a string breaks, or undefined. `field` is its key, which says whether it may hold several lines. */
export function textRuleBroken(text: string, field?: string): TextRule | undefined {
  if (LONE_SURROGATE.test(text)) return 'wellFormedUnicode';
  if (CONTROL.test(text)) return 'noControlCharacters';
  if (LINE_BREAK.test(text) && !(field !== undefined && MULTI_LINE_FIELDS.has(field))) return 'singleLine';
  if (text.length > 0 && ONLY_INVISIBLE.test(text)) return 'visibleText';
  return undefined;
}

/** The first place in a parsed JSON value where a text rule is broken, as a field problem; undefined when all is well. */
export function textProblemIn(value: unknown, path = ''): FieldProblem | undefined {
  const stack: [unknown, string, string | undefined][] = [[value, path, undefined]];
  while (stack.length > 0) {
    const [current, at, key] = stack.pop()!;
    if (typeof current === 'string') {
      const rule = textRuleBroken(current, key);
      if (rule) return problem(at || 'body', rule);
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    const isArray = Array.isArray(current);
    const entries = Object.entries(current);
    for (let index = entries.length - 1; index >= 0; index--) {
      const [childKey, child] = entries[index];
      const childPath = isArray ? `${at}[${childKey}]` : at ? `${at}.${childKey}` : childKey;
      if (!isArray) {
        if (RESERVED_KEYS.has(childKey)) return problem(childPath, 'reservedKey');
        const keyRule = textRuleBroken(childKey, childKey);
        if (keyRule) return problem(`${at || 'body'} (a field name)`, keyRule);
      }
      stack.push([child, childPath, isArray ? key : childKey]);
    }
  }
  return undefined;
}

function problem(field: string, rule: TextRule): FieldProblem {
  return { field, rule, message: TEXT_RULES[rule] };
}

/** The one error for text that breaks a rule, wherever it was found. */
export function invalidTextError(problem: FieldProblem): {
  code: 'invalid_text';
  message: string;
  details: FieldProblem[];
} {
  return { code: 'invalid_text', message: `${problem.field}: ${problem.message}`, details: [problem] };
}
