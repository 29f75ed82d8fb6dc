/**
 * What a sign-in body must be, `{"key": "cck_<key id>_<secret>"}`, and what to say when it is not: the field and
 * the rule, so that an analyst who pasted half a key or a whole `Authorization` header learns which. The key's
 * shape is the one libs/auth issues (api-key.ts); sign-in-body.spec.ts checks that the two agree.
 */
import type { FieldProblem } from '../api-error';

const PREFIX = 'cck_';
const KEY_ID_LENGTH = 16;
const SECRET_LENGTH = 43;
export const KEY_LENGTH = PREFIX.length + KEY_ID_LENGTH + 1 + SECRET_LENGTH;
const SHAPE = `cck_, a key id of ${KEY_ID_LENGTH} hexadecimal digits, _ and a secret of ${SECRET_LENGTH} letters, digits, - or _`;
const SIZE = `a crosscheck key is ${KEY_LENGTH} characters (${SHAPE})`;

const problem = (field: string, rule: string, message: string): FieldProblem => ({ field, rule, message });

/** Every problem with a sign-in body as JSON.parse gave it (undefined when there was none); empty when it is good. */
export function signInBodyProblems(body: unknown): FieldProblem[] {
  if (body === undefined) return [problem('body', 'isDefined', 'is missing; send {"key": "cck_…"} as JSON')];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return [problem('body', 'isObject', `must be a JSON object, {"key": "cck_…"}, not ${jsonTypeOf(body)}`)];
  }
  const unknownFields = Object.keys(body).filter((field) => field !== 'key');
  return [
    ...keyProblems((body as { key?: unknown }).key, Object.hasOwn(body, 'key')),
    ...unknownFields.map((field) =>
      problem(field, 'unknownField', 'is not a field of a sign-in, which holds only "key"'),
    ),
  ];
}

/** What is wrong with a key, most telling first; one problem at most. */
export function keyProblems(key: unknown, given = key !== undefined): FieldProblem[] {
  const wrong = (rule: string, message: string) => [problem('key', rule, message)];
  if (!given) return wrong('isDefined', 'is required');
  if (typeof key !== 'string') return wrong('isString', `must be a string, not ${jsonTypeOf(key)}`);
  if (key === '') return wrong('isNotEmpty', 'must not be empty');
  if (key.trim() !== key) return wrong('noSurroundingSpace', 'must not start or end with spaces or line breaks');
  if (/^bearer\s/i.test(key)) return wrong('isCrosscheckKey', 'must be the key alone, without "Bearer "');
  if (!key.startsWith(PREFIX)) return wrong('isCrosscheckKey', 'must start with cck_');
  if (key.length > KEY_LENGTH) return wrong('maxLength', `is too long: ${SIZE}, this is ${key.length}`);
  if (key.length < KEY_LENGTH) return wrong('minLength', `is too short: ${SIZE}, this is ${key.length}`);
  const keyId = key.slice(PREFIX.length, PREFIX.length + KEY_ID_LENGTH);
  if (!/^[0-9a-f]+$/.test(keyId)) {
    return wrong('isCrosscheckKey', `must have a key id of ${KEY_ID_LENGTH} hexadecimal digits (0-9, a-f) after cck_`);
  }
  if (key[PREFIX.length + KEY_ID_LENGTH] !== '_')
    return wrong('isCrosscheckKey', 'must have _ between the key id and the secret');
  if (!/^[A-Za-z0-9_-]+$/.test(key.slice(-SECRET_LENGTH))) {
    return wrong('isCrosscheckKey', `must end in a secret of ${SECRET_LENGTH} letters, digits, - or _`);
  }
  return [];
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
