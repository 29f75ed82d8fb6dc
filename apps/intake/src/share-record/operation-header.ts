/**
 * `X-Operation: <code>` names the operation a share is made for, as the
 * `operation` field does; on a batch it tags every item that names none.
 */
import { OPERATION_CODE, OPERATION_CODE_RULE } from '@crosscheck/records';
import { invalidField } from '@crosscheck/runtime';

/** The header's code, upper case; undefined when absent. */
export function operationHeader(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const code = header.trim().toUpperCase();
  if (!OPERATION_CODE.test(code)) throw invalidField('X-Operation', 'matches', OPERATION_CODE_RULE);
  return code;
}

/** The content tagged by the header; a body naming another operation is refused. */
export function taggedBy<Content extends { operation?: string }>(content: Content, code: string | undefined): Content {
  if (code === undefined || content.operation === code) return content;
  if (content.operation !== undefined)
    throw invalidField('X-Operation', 'sameAsBody', `names ${code} but the body names operation ${content.operation}`);
  return { ...content, operation: code };
}

/** Batch items as sent, each object item without an `operation` field given the header's. */
export function itemsTaggedBy(items: unknown[], code: string | undefined): unknown[] {
  if (code === undefined) return items;
  return items.map((item) =>
    item !== null && typeof item === 'object' && !Array.isArray(item) && !('operation' in item)
      ? { ...item, operation: code }
      : item,
  );
}
