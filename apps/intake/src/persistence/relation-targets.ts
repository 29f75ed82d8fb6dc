/**
 * A declared relation's role fits the kind of the record it points at
 * (libs/records relation-targets.ts), checked when the request comes in for
 * every target intake already holds for the agency, or that comes in the same
 * batch: a misfit is a 400 naming `<body>.relations[i].role` and the rule
 * `fitsTarget`, and nothing is written. A target the agency has not shared yet
 * is not judged here: dedup judges it once the target arrives, and keeps no
 * edge for a relation that does not fit.
 */
import { Injectable } from '@nestjs/common';
import { BODY_FIELDS, relationProblems, type RecordKindName } from '@crosscheck/records';
import { ApiError, validationFailed } from '@crosscheck/runtime';
import { EntityManager } from 'typeorm';

/** A record's content as it declares relations: its kind and its body by the kind's field. */
interface Declaring {
  kind: RecordKindName;
  externalRef?: string;
}

type Relations = { relations?: { to: string; role: string }[] } | undefined;

@Injectable()
export class RelationTargets {
  /**
   * For each content, in order, the refusal its relations earn, or undefined. `alsoShared`: the kinds of the
   * records shared in the same request, by externalRef (they are not written yet). One query for all.
   */
  async refusals(
    manager: EntityManager,
    owner: string,
    contents: Declaring[],
    alsoShared: Map<string, string> = new Map(),
  ): Promise<(ApiError | undefined)[]> {
    const relationsOf = (content: Declaring) =>
      (content as unknown as Record<string, Relations>)[BODY_FIELDS[content.kind]]?.relations ?? [];
    const targets = [...new Set(contents.flatMap((content) => relationsOf(content).map((relation) => relation.to)))];
    if (targets.length === 0) return contents.map(() => undefined);
    const rows: { external_ref: string; kind: string }[] = await manager.query(
      'SELECT external_ref, kind FROM records WHERE owner = $1 AND external_ref = ANY($2::text[])',
      [owner, targets],
    );
    const stored = new Map(rows.map((row) => [row.external_ref, row.kind]));
    const kindOf = (externalRef: string) => alsoShared.get(externalRef) ?? stored.get(externalRef);
    return contents.map((content) => {
      const field = BODY_FIELDS[content.kind];
      const problems = relationProblems(
        content.kind,
        (content as unknown as Record<string, Relations>)[field],
        field,
        kindOf,
      );
      return problems.length > 0 ? validationFailed(problems) : undefined;
    });
  }

  /** Refuses a content whose relations do not fit their targets' kinds. */
  async check(manager: EntityManager, owner: string, content: Declaring): Promise<void> {
    const [refusal] = await this.refusals(manager, owner, [content]);
    if (refusal) throw refusal;
  }
}
