/**
 * One line, already read into a JavaScript object by whichever format, checked
 * against its dataset's rules and turned into a change: an upsert of a
 * `ReferenceEntry`, a removal, or a rejection naming field and rule. Every
 * format ends here, so NDJSON, CSV and FollowTheMoney lines obey the same rules
 * and report problems in the project's one error format (field and rule).
 *
 * `{"entryId": "...", "op": "remove"}` removes an entry (delta files); such a
 * line carries nothing else. `"op": "upsert"` may be written but is the default.
 */
import { create, MessageInitShape } from '@bufbuild/protobuf';
import { NoticeColour, NoticeSchema, OutsidePolicy, PersonSchema, ReferenceEntrySchema } from '@crosscheck/contracts';
import { RecordBody, recordBodyOf } from '@crosscheck/records';
import { ParseContext, ReferenceChange, rejected, rejectedField } from './reference-change';
import {
  ENTRY_ID,
  ENTRY_ID_RULE,
  LINE_SHAPES,
  NoticeColourName,
  NoticeLine,
  ReferenceLine,
} from './reference-line.schema';

/** Every dataset's body field: a line of one dataset carrying another's body is refused by name. */
const BODY_FIELDS = Object.values(LINE_SHAPES).map((shape) => shape.body);
const OPS = ['upsert', 'remove'];

const COLOURS: Record<NoticeColourName, NoticeColour> = {
  red: NoticeColour.RED,
  yellow: NoticeColour.YELLOW,
  blue: NoticeColour.BLUE,
  black: NoticeColour.BLACK,
  green: NoticeColour.GREEN,
  orange: NoticeColour.ORANGE,
  purple: NoticeColour.PURPLE,
  silver: NoticeColour.SILVER,
  un: NoticeColour.UN_SPECIAL,
};

export function changeOfLine(value: unknown, line: number, context: ParseContext): ReferenceChange {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return rejectedField(line, 'line', 'isObject', 'must be a JSON object');
  const { op, ...fields } = value as Record<string, unknown>;
  if (op !== undefined && !OPS.includes(op as string))
    return rejectedField(line, 'op', 'isIn', `must be one of ${OPS.join(', ')}`);
  if (op === 'remove') return removal(fields, line);

  const shape = LINE_SHAPES[context.dataset];
  const foreign = BODY_FIELDS.find((body) => body !== shape.body && fields[body] !== undefined);
  if (foreign) {
    return rejectedField(
      line,
      foreign,
      'bodyForDataset',
      `not allowed in dataset ${context.dataset}, whose entries carry ${shape.body}`,
    );
  }
  const checked = shape.line.check(fields);
  if (!checked.ok) return rejected(line, checked.problems);
  return { line, op: 'upsert', entry: entryOf(checked.value as ReferenceLine, context) };
}

function removal(fields: Record<string, unknown>, line: number): ReferenceChange {
  const { entryId, ...rest } = fields;
  const extra = Object.keys(rest);
  if (extra.length > 0) return rejectedField(line, extra[0], 'unknownField', 'a removal carries only entryId and op');
  if (typeof entryId !== 'string' || !ENTRY_ID.test(entryId))
    return rejectedField(line, 'entryId', 'matches', ENTRY_ID_RULE);
  return { line, op: 'remove', entryId };
}

function entryOf(input: ReferenceLine, context: ParseContext) {
  const shape = LINE_SHAPES[context.dataset];
  // Mapped as intake maps a shared record's body: identifiers normalised beside the ones given.
  const value = (input as unknown as Record<string, unknown>)[shape.body];
  const record = { kind: shape.kind, [shape.kind === 'person' ? 'person' : shape.body]: value } as RecordBody;
  const body = recordBodyOf(record);
  // A person becomes a notice's subject; the other bodies are the same contract messages under the same names.
  return create(ReferenceEntrySchema, {
    entryId: input.entryId,
    dataset: context.dataset,
    owner: context.owner,
    dissemination: input.outside
      ? {
          ...context.dissemination,
          outside: input.outside === 'hit-no-hit' ? OutsidePolicy.HIT_NO_HIT : OutsidePolicy.HIDDEN,
        }
      : context.dissemination,
    body:
      body?.case === 'person'
        ? { case: 'notice', value: noticeOf(input as NoticeLine, body.value) }
        : (body as Exclude<typeof body, { case: 'person' } | { case: 'organisation' }>),
  });
}

function noticeOf(
  notice: NoticeLine,
  subject: MessageInitShape<typeof PersonSchema>,
): MessageInitShape<typeof NoticeSchema> {
  return { colour: COLOURS[notice.colour], noticeRef: notice.noticeRef ?? '', charges: notice.charges ?? '', subject };
}
