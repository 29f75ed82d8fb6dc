import type { Context } from '@opentelemetry/api';

/**
 * What a message handler knows about the Kafka message it handles, besides its
 * decoded payload (`@Payload()`); handlers receive it with `@Ctx()`.
 */
export class IncomingMessage {
  constructor(
    /** Logical topic, e.g. `records.received.v1`. */
    readonly topic: string,
    readonly partition: number,
    readonly offset: string,
    readonly key: string | undefined,
    /** The producer's message id; the inbox deduplicates on it. */
    readonly messageId: string,
    readonly schema: string,
    readonly attempt: number,
    /**
     * The message's own consumer span: a batch handler runs under one span for
     * the whole batch, so what it publishes for this message names this one
     * (`OutgoingEvent.traceContext`) to keep the message's trace whole.
     */
    readonly traceContext?: Context,
  ) {}
}
