/**
 * One instant check: a person, document, vehicle, firearm or artwork, as a
 * record body (its kind and the body of that kind), checked by the record
 * body schema of libs/records; a vehicle may be named by its plate and
 * registration country alone, as a border officer or a plate reader sees it.
 * An organisation is refused: no reference dataset holds organisations, and
 * an empty answer would read as "no hit".
 */
import { type RecordBody, recordBodyProblems, RecordBodySchema } from '@crosscheck/records';
import { compileSchema, FieldProblem } from '@crosscheck/runtime';

export type CheckQuery = RecordBody;

const UNCHECKED_KINDS: readonly RecordBody['kind'][] = ['organisation'];

function uncheckedKind(body: RecordBody): FieldProblem[] {
  return UNCHECKED_KINDS.includes(body.kind)
    ? [{ field: 'kind', rule: 'isCheckable', message: `${body.kind} is checked against no reference dataset` }]
    : [];
}

/** As libs/records' checkBody (a vehicle by plate too), and of a kind some dataset holds. */
export const checkQuery = compileSchema(RecordBodySchema, (body) => [
  ...recordBodyProblems(body, { vehicleByPlate: true }),
  ...uncheckedKind(body),
]);

export const MAX_CHECK_BATCH = 1_000;
