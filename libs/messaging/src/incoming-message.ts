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
  ) {}
}
