/**
 * An organisation's name split into what identifies it and what does not:
 * the legal forms at either end (`ООО «Северный путь»`, `Sonho Americano
 * Ltda`, `北京华联有限公司`), read as canonical forms (legal-forms.ts), and an
 * introducing phrase at the start (`the group known as`, `a.k.a.`), dropped.
 * What is left is compared as a name; the legal forms count for little.
 */
import {
  CONNECTING_WORDS,
  INTRODUCED_BODIES,
  LEGAL_FORMS,
  LegalForm,
  NAME_INTRODUCERS,
  WRITTEN_LEGAL_FORMS,
} from './legal-forms';
import { normalizeText } from './name-parts';

export interface OrganisationName {
  /** The name as written without its legal forms and introducer: what is compared. */
  distinctive: string;
  /** Canonical legal forms found in the name, in the order found. */
  legalForms: LegalForm[];
}

const tokensOf = (text: string): string[] => normalizeText(text).split(' ').filter(Boolean);

/** Each legal form's written variants as token sequences, longest first so `spol s r o` wins over `s r o`. */
const LEGAL_FORM_SEQUENCES: { tokens: string[]; form: LegalForm }[] = Object.entries(LEGAL_FORMS)
  .flatMap(([form, written]) => written.map((text) => ({ tokens: tokensOf(text), form: form as LegalForm })))
  .filter((entry) => entry.tokens.length > 0)
  .sort((a, b) => b.tokens.length - a.tokens.length);
const INTRODUCERS = NAME_INTRODUCERS.map(tokensOf)
  .filter((tokens) => tokens.length > 0)
  .sort((a, b) => b.length - a.length);
const BODIES = new Set(INTRODUCED_BODIES.flatMap(tokensOf));
const CONNECTING = new Set(CONNECTING_WORDS);
const WRITTEN_FORMS = Object.entries(WRITTEN_LEGAL_FORMS).sort((a, b) => b[0].length - a[0].length);
/** How many articles and body words may stand before an introducer: `the criminal group known as`. */
const MAX_BODY_WORDS = 3;

/** A written word and its normalised tokens; a word of punctuation only (`&`, `«`, `-`) has none. */
interface Word {
  written: string;
  tokens: string[];
}

export function organisationNameOf(written: string): OrganisationName {
  const legalForms: LegalForm[] = [];
  const text = cutWrittenForms(written.normalize('NFKC').trim(), legalForms);
  let words: Word[] = text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ written: word, tokens: tokensOf(word) }));
  words = dropIntroducer(words);
  words = cutLegalForms(words, legalForms);
  return { distinctive: words.map((word) => word.written).join(' '), legalForms };
}

/**
 * The canonical legal form of a legal form as written (`G.m.b.H.`, `ООО`), or undefined for one not in the
 * table; given alone, its letters may be dotted apart however the writer liked.
 */
export function legalFormOf(written: string): LegalForm | undefined {
  const compact = tokensOf(written).join('');
  const found = LEGAL_FORM_SEQUENCES.find((entry) => entry.tokens.join('') === compact);
  return found?.form ?? WRITTEN_LEGAL_FORMS[written.normalize('NFKC').trim()];
}

/** Han and kana forms from either end, as long as something is left. */
function cutWrittenForms(text: string, found: LegalForm[]): string {
  let rest = text;
  for (let cut = true; cut;) {
    cut = false;
    for (const [form, legalForm] of WRITTEN_FORMS) {
      if (rest.length <= form.length) continue;
      if (rest.endsWith(form)) rest = rest.slice(0, -form.length).trim();
      else if (rest.startsWith(form)) rest = rest.slice(form.length).trim();
      else continue;
      found.push(legalForm);
      cut = true;
      break;
    }
  }
  return rest;
}

/** `the group known as X` → `X`; `a.k.a. X` → `X`; only from the start, and never the whole name. */
function dropIntroducer(words: Word[]): Word[] {
  const tokens = words.flatMap((word) => word.tokens);
  for (let skipped = 0; skipped <= MAX_BODY_WORDS && skipped < tokens.length; skipped++) {
    if (skipped > 0 && !BODIES.has(tokens[skipped - 1])) break;
    const introducer = INTRODUCERS.find((phrase) => sameTokens(phrase, tokens.slice(skipped, skipped + phrase.length)));
    if (introducer) {
      const rest = dropTokens(words, skipped + introducer.length);
      if (rest?.some((word) => word.tokens.length > 0)) return rest;
    }
  }
  return words;
}

/** Legal forms from both ends, again and again (`Holding GmbH & Co. KG`), leaving at least one word. */
function cutLegalForms(words: Word[], found: LegalForm[]): Word[] {
  let rest = trimEmpty(words);
  for (let cut = true; cut;) {
    cut = false;
    const tokens = rest.flatMap((word) => word.tokens);
    for (const entry of LEGAL_FORM_SEQUENCES) {
      const n = entry.tokens.length;
      if (tokens.length <= n) continue;
      let next: Word[] | undefined;
      if (sameTokens(entry.tokens, tokens.slice(-n))) next = dropTokensFromEnd(rest, n);
      else if (sameTokens(entry.tokens, tokens.slice(0, n))) next = dropLeadingConnectors(dropTokens(rest, n));
      if (!next?.some((word) => word.tokens.length > 0)) continue;
      found.push(entry.form);
      rest = trimEmpty(next);
      cut = true;
      break;
    }
  }
  return rest;
}

function sameTokens(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((token, index) => token === b[index]);
}

/** The words after the first `count` tokens; undefined when a word would be cut in two (`S.A.` is one form or none). */
function dropTokens(words: Word[], count: number): Word[] | undefined {
  let left = count;
  let index = 0;
  while (left > 0 && index < words.length) left -= words[index++].tokens.length;
  return left === 0 ? words.slice(index) : undefined;
}

function dropTokensFromEnd(words: Word[], count: number): Word[] | undefined {
  const reversed = dropTokens([...words].reverse(), count);
  return reversed?.reverse();
}

function dropLeadingConnectors(words: Word[] | undefined): Word[] | undefined {
  if (!words) return undefined;
  let index = 0;
  while (index < words.length - 1 && words[index].tokens.every((token) => CONNECTING.has(token))) index++;
  return words.slice(index);
}

/** Words of punctuation only (`&`, `«`, `—`) dropped from both ends. */
function trimEmpty(words: Word[] | undefined): Word[] {
  const list = words ?? [];
  let start = 0;
  let end = list.length;
  while (start < end && list[start].tokens.length === 0) start++;
  while (end > start && list[end - 1].tokens.length === 0) end--;
  return list.slice(start, end);
}
