/**
 * A record disseminated to named agencies names agencies that exist. A code
 * that names none is refused rather than stored: an agency created later
 * under that code would otherwise see the record.
 */
import { Injectable } from '@nestjs/common';
import { ApiError, invalidField } from '@crosscheck/runtime';
import { EntityManager } from 'typeorm';
import { AgenciesRepository } from './agencies.repository';

interface Disseminated {
  dissemination: { agencies?: string[] };
}

@Injectable()
export class DisseminationAgencies {
  constructor(private readonly agencies: AgenciesRepository) {}

  /** For each content, in order, the refusal its dissemination earns, or undefined. One query for all. */
  async refusals(manager: EntityManager, contents: Disseminated[]): Promise<(ApiError | undefined)[]> {
    const unknown = await this.agencies.unknownCodes(
      manager,
      contents.flatMap((content) => content.dissemination.agencies ?? []),
    );
    return contents.map((content) => {
      const index = (content.dissemination.agencies ?? []).findIndex((code) => unknown.has(code));
      if (index < 0) return undefined;
      const code = content.dissemination.agencies![index];
      return invalidField(
        `dissemination.agencies[${index}]`,
        'knownAgency',
        `${code} is not an agency of the exchange`,
      );
    });
  }

  async check(manager: EntityManager, content: Disseminated): Promise<void> {
    const [refusal] = await this.refusals(manager, [content]);
    if (refusal) throw refusal;
  }
}
