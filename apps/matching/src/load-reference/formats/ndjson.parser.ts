/**
 * The project's own reference format: NDJSON, one entry per line, shaped as
 * the dataset says (see README.md beside this file), or `{"entryId": "...",
 * "op": "remove"}` to remove an entry. Lines are read one at a time and never
 * kept; blank lines are passed over but counted.
 */
import { createInterface } from 'node:readline';
import { textProblemIn } from '@crosscheck/runtime';
import { ParseContext, ReferenceChange, rejectedField } from '../../model/reference-change';
import { changeOfLine } from '../../model/reference-line';

/** Longer lines are refused unread: no entry within the length caps comes near. */
export const MAX_LINE_CHARS = 1_000_000;

export async function* parseNdjson(
  lines: AsyncIterable<string>,
  context: ParseContext,
): AsyncIterable<ReferenceChange> {
  let line = 0;
  for await (const text of lines) {
    line++;
    const parsed = parseJsonLine(text, line);
    if (parsed === undefined) continue;
    yield 'rejected' in parsed ? parsed.rejected : changeOfLine(parsed.value, line, context);
  }
}

/** A line's JSON value; undefined for a blank line. Shared with the FollowTheMoney parser. */
export function parseJsonLine(
  text: string,
  line: number,
): { value: unknown } | { rejected: ReferenceChange } | undefined {
  if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return undefined;
  if (text.length > MAX_LINE_CHARS)
    return { rejected: rejectedField(line, 'line', 'maxLength', `must be at most ${MAX_LINE_CHARS} characters long`) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { rejected: rejectedField(line, 'line', 'isJson', `not valid JSON (${(error as Error).message})`) };
  }
  const problem = textProblemIn(value);
  return problem ? { rejected: rejectedField(line, problem.field, problem.rule, problem.message) } : { value };
}

/** A text stream as lines, LF or CRLF, for parseNdjson and parseFollowTheMoney. */
export async function* readLines(input: NodeJS.ReadableStream): AsyncIterable<string> {
  // The interface is made only when reading starts: made earlier, it would start the stream and lose
  // the lines (and the end) emitted before anyone listened, and the reader would wait forever.
  yield* createInterface({ input, crlfDelay: Infinity });
}
