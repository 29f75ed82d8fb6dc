/**
 * A record tagged with an operation names one the exchange knows, and its
 * owner takes part in it today; intake learns operations from matching over
 * `operations.v1` (replicate-operations/), so a new operation is taggable
 * a moment after matching created it.
 */
import { HttpStatus, Injectable } from '@nestjs/common';
import { OperationState } from '@crosscheck/contracts';
import { OperationPeriod, taggingProblem } from '@crosscheck/records';
import { ApiError, invalidField } from '@crosscheck/runtime';
import { EntityManager } from 'typeorm';

interface Tagged {
  operation?: string;
}

@Injectable()
export class OperationTags {
  /** Keeps the copy current; applying a state twice changes nothing. */
  async apply(manager: EntityManager, state: OperationState): Promise<void> {
    await manager.query(
      `INSERT INTO operations (code, starts_on, ends_on, participants) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET starts_on = $2, ends_on = $3, participants = $4`,
      [state.code, state.startsOn, state.endsOn, state.participants],
    );
  }

  /** For each content, in order, the refusal its operation tag earns, or undefined. One query for all. */
  async refusals(manager: EntityManager, owner: string, contents: Tagged[]): Promise<(ApiError | undefined)[]> {
    const codes = [...new Set(contents.flatMap((content) => (content.operation ? [content.operation] : [])))];
    if (codes.length === 0) return contents.map(() => undefined);
    const rows: { code: string; starts_on: string; ends_on: string; participants: string[] }[] = await manager.query(
      `SELECT code, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on,
              participants FROM operations WHERE code = ANY($1::text[])`,
      [codes],
    );
    const known = new Map<string, OperationPeriod>(
      rows.map((row) => [
        row.code,
        { code: row.code, startsOn: row.starts_on, endsOn: row.ends_on, participants: row.participants },
      ]),
    );
    const today = new Date().toISOString().slice(0, 10);
    return contents.map(({ operation: code }) => {
      if (!code) return undefined;
      const operation = known.get(code);
      if (!operation) return invalidField('operation', 'knownOperation', `there is no operation ${code}`);
      const problem = taggingProblem(operation, owner, today);
      return problem
        ? new ApiError(HttpStatus.FORBIDDEN, 'forbidden', `operation: ${problem}`, [
            { field: 'operation', rule: 'participant', message: problem },
          ])
        : undefined;
    });
  }

  /** Refuses a tag the owner may not give; a record keeping the tag it already has is not checked again. */
  async check(manager: EntityManager, owner: string, content: Tagged, current?: Tagged): Promise<void> {
    if (!content.operation || content.operation === current?.operation) return;
    const [refusal] = await this.refusals(manager, owner, [content]);
    if (refusal) throw refusal;
  }
}
