/**
 * What every reference-data format parser yields: one change per line (or CSV
 * record) of the file, numbered as in the file, for the loader to apply. A bad
 * line is a `rejected` change carrying the field and the rule, never an
 * exception; only a file that cannot be read at all (a CSV mapping naming a
 * column the header lacks, broken CSV quoting) throws a ReferenceFormatError.
 */
import type { Dissemination, ReferenceEntry } from '@crosscheck/contracts';
import type { FieldProblem } from '@crosscheck/runtime';

import type { DatasetName } from './datasets';

export { DATASETS } from './datasets';
export type { DatasetName } from './datasets';

export type ReferenceChange =
  | { line: number; op: 'upsert'; entry: ReferenceEntry }
  | { line: number; op: 'remove'; entryId: string }
  /** `reason` is every problem as `field: message`, joined by `; `; `problems` has them one by one, with the rule. */
  | { line: number; op: 'rejected'; reason: string; problems: FieldProblem[] }
  /** A line that is fine but not for this dataset (FollowTheMoney entities of other schemata). */
  | { line: number; op: 'skipped'; reason: string };

/** Dataset-level facts: every entry of a load gets its owner and dissemination from here. */
export interface ParseContext {
  dataset: DatasetName;
  owner: string;
  dissemination: Dissemination;
}

/** The file as a whole cannot be read: the load should stop and change nothing. */
export class ReferenceFormatError extends Error {}

export function rejected(line: number, problems: FieldProblem[]): ReferenceChange {
  const reason = [
    ...new Set(problems.map((problem) => (problem.field ? `${problem.field}: ${problem.message}` : problem.message))),
  ].join('; ');
  return { line, op: 'rejected', reason, problems };
}

export function rejectedField(line: number, field: string, rule: string, message: string): ReferenceChange {
  return rejected(line, [{ field, rule, message }]);
}
