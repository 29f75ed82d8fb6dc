/**
 * An entity a resolution decided on was merged into another after the
 * resolution read its candidates and before it locked the entity: what it
 * decided may no longer hold. It carries a serialisation failure's SQLSTATE,
 * so the consumer retries the message from the start (and never dead-letters
 * it for this), reading what the other resolution wrote.
 */
export class ResolutionConflict extends Error {
  readonly code = '40001';

  constructor(entityId: string) {
    super(`entity ${entityId} was merged by a concurrent resolution; resolving again`);
  }
}
