/**
 * The agencies of the exchange as matching knows them: those holding a key in
 * its copy of intake's credentials (`identity.keys.v1`), so a request can be
 * refused for naming an agency that does not exist.
 */
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

@Injectable()
export class KnownAgencies {
  /** The codes among `codes` that name no agency of the exchange. */
  async unknownCodes(manager: EntityManager, codes: string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    const rows: { agency: string }[] = await manager.query(
      'SELECT DISTINCT agency FROM credentials WHERE agency = ANY($1::text[])',
      [[...new Set(codes)]],
    );
    const known = new Set(rows.map((row) => row.agency));
    return new Set(codes.filter((code) => !known.has(code)));
  }
}
