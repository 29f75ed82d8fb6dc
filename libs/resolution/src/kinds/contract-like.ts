/**
 * What resolution reads of a record body: the protobuf contract's own message
 * type (crosscheck.records.v1), as plain data. A decoded message fits, and so
 * does an object of its shape without `$typeName` (a test's, a stored JSON
 * body's); the fields in `K` are always there, the others when known. Derived
 * from the generated types, so a field added to the contract is one resolution
 * can read at once, without a copy of the shape here.
 */
import type { Message } from '@bufbuild/protobuf';

/** A message's fields, nested messages alike, without `$typeName` and `$unknown`, each optional. */
export type PlainFields<M> = M extends Message
  ? { [F in keyof M as F extends '$typeName' | '$unknown' ? never : F]?: PlainFields<M[F]> }
  : M extends readonly (infer E)[]
    ? PlainFields<E>[]
    : M;

export type ContractLike<M extends Message, K extends keyof PlainFields<M> = never> = PlainFields<M> &
  Required<Pick<PlainFields<M>, K>>;
