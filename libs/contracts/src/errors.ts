/**
 * Thrown when a message cannot be encoded or decoded against its contract:
 * unknown schema name, undecodable bytes, or a message of the wrong type.
 */
export class ContractError extends Error {
  override readonly name = 'ContractError';

  constructor(
    /** Full protobuf name of the schema involved, e.g. `crosscheck.records.v1.RecordReceived`. */
    readonly schemaName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
