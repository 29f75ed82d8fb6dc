import {
  create,
  fromBinary,
  toBinary,
  type DescMessage,
  type Message,
  type MessageInitShape,
  type MessageShape,
} from '@bufbuild/protobuf';
import { ContractError } from './errors';
import { contractsRegistry } from './registry';

/** Full protobuf name of a message schema, e.g. `crosscheck.records.v1.RecordReceived` (the HEADER_SCHEMA value). */
export function schemaName(schema: DescMessage): string {
  return schema.typeName;
}

/** Looks up a crosscheck message schema by full name; throws ContractError if it is not a crosscheck message. */
export function lookupSchema(name: string): DescMessage {
  const schema = contractsRegistry.getMessage(name);
  if (!schema) {
    throw new ContractError(name, `unknown message schema "${name}": not a crosscheck contract message`);
  }
  return schema;
}

/**
 * Serializes a message to protobuf binary. Accepts a message or a plain init
 * object; throws ContractError if given a message of another type.
 */
export function encodeMessage<Desc extends DescMessage>(
  schema: Desc,
  msg: MessageShape<Desc> | MessageInitShape<Desc>,
): Uint8Array {
  const typeName = (msg as { $typeName?: unknown }).$typeName;
  if (typeName !== undefined && typeName !== schema.typeName) {
    throw new ContractError(schema.typeName, `cannot encode ${String(typeName)} as ${schema.typeName}`);
  }
  try {
    return toBinary(schema, create(schema, msg as MessageInitShape<Desc>));
  } catch (err) {
    throw new ContractError(schema.typeName, `cannot encode ${schema.typeName}: ${errorMessage(err)}`, { cause: err });
  }
}

/**
 * Parses protobuf binary. Pass the schema name from the HEADER_SCHEMA header
 * (returns an untyped Message; narrow with `isMessage(msg, XSchema)`), or a
 * schema descriptor (returns the typed message). Throws ContractError naming
 * the schema when the name is unknown or the bytes cannot be decoded.
 */
export function decodeMessage(schemaName: string, bytes: Uint8Array): Message;
export function decodeMessage<Desc extends DescMessage>(schema: Desc, bytes: Uint8Array): MessageShape<Desc>;
export function decodeMessage(schemaOrName: string | DescMessage, bytes: Uint8Array): Message {
  const schema = typeof schemaOrName === 'string' ? lookupSchema(schemaOrName) : schemaOrName;
  try {
    return fromBinary(schema, bytes);
  } catch (err) {
    throw new ContractError(
      schema.typeName,
      `cannot decode ${schema.typeName} (${bytes.length} bytes): ${errorMessage(err)}`,
      {
        cause: err,
      },
    );
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
