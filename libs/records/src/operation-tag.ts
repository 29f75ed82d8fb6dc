/**
 * Naming a coordinated operation on what an agency does for it (a record it
 * shares, a check it runs): the code's shape, and who may name it when. Pure;
 * matching owns operations, intake keeps a copy to check record tags.
 */
import { Type } from '@sinclair/typebox';

/** An operation code as stored: 2-32 upper-case letters, digits or "-". */
export const OPERATION_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

export const OPERATION_CODE_RULE = 'must be an operation code: 2-32 upper-case letters, digits or "-"';

/** An operation code as a client writes it, read in upper case. */
export const OperationCode = Type.Transform(
  Type.String({
    pattern: '^[A-Za-z0-9][A-Za-z0-9-]{1,31}$',
    'x-message': 'must be 2-32 upper-case letters, digits or "-"',
    examples: ['TURQUESA-26'],
  }),
)
  .Decode((code) => code.toUpperCase())
  .Encode((code) => code);

/** What tagging needs to know of an operation. */
export interface OperationPeriod {
  code: string;
  startsOn: string;
  endsOn: string;
  participants: string[];
}

/** Why an agency may not tag its work with the operation on `day` (YYYY-MM-DD), or undefined when it may. */
export function taggingProblem(operation: OperationPeriod, agency: string, day: string): string | undefined {
  if (!operation.participants.includes(agency)) return `${agency} does not take part in operation ${operation.code}`;
  if (day < operation.startsOn || day > operation.endsOn)
    return `operation ${operation.code} runs from ${operation.startsOn} to ${operation.endsOn}`;
  return undefined;
}
