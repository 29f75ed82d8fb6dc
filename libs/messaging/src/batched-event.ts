/**
 * The opt-in batch form of a handler, for consumers whose cost is in round
 * trips rather than in the work itself: `@EventPattern(topic, BATCH)` hands the
 * handler the decoded messages of a Kafka batch (in offset order, at most
 * BATCH_MAX_MESSAGES at a time) so it can claim, read and write them together
 * in one transaction. It answers one inbox outcome per message, in the same
 * order. Every other handler keeps the one-message form.
 */
import { IncomingMessage } from './incoming-message';

export interface BatchedEvent<Payload> {
  payload: Payload;
  message: IncomingMessage;
}

/** The `extras` of `@EventPattern` that ask for the batch form. */
export const BATCH = { batch: true } as const;

/** Messages handed to a batch handler at once: large enough to pay off round trips, small enough for one short transaction. */
export const BATCH_MAX_MESSAGES = 250;

/**
 * Partitions a consumer with batch handlers works on at once (per-partition
 * order is kept): one partition's batch scores in Node while another's waits
 * on Postgres. Consumers of one-message handlers take one partition at a time.
 */
export const BATCH_PARTITIONS_CONCURRENTLY = 3;

export function isBatchHandler(handler: { extras?: Record<string, unknown> } | undefined): boolean {
  return handler?.extras?.batch === true;
}
