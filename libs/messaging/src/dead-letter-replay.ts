/**
 * Dead letters as operators handle them: which topics hold them, and the
 * message a replay sends back to the original topic. A replay carries the
 * original key, value and headers (so the original message id, which the
 * consumers' inboxes deduplicate on, and the original trace), plus a
 * `replay-of` header naming the dead letter it came from.
 */
import { ALL_TOPICS, deadLetterTopic } from '@crosscheck/contracts';
import type { Message } from 'kafkajs';

/** Every dead-letter topic, logical names: `records.received.v1.dlq`, … */
export const DEAD_LETTER_TOPICS: readonly string[] = ALL_TOPICS.map((topic) => deadLetterTopic(topic));

/** Names the dead letter a replayed message came from: `<dead-letter topic>/<partition>/<offset>`. */
export const HEADER_REPLAY_OF = 'replay-of';

export interface DeadLetterPosition {
  /** Logical dead-letter topic. */
  topic: string;
  partition: number;
  offset: string;
}

export function deadLetterReference(position: DeadLetterPosition): string {
  return `${position.topic}/${position.partition}/${position.offset}`;
}

/** The message a replay sends to the original topic, or why it cannot be replayed. */
export function replayMessage(
  letter: { key: Uint8Array; value: Uint8Array; headers: Record<string, string> },
  from: DeadLetterPosition,
): Message | { unreplayable: string } {
  if (letter.value.length === 0) {
    return { unreplayable: 'the dead letter does not carry the original value (it was too large or empty)' };
  }
  return {
    key: letter.key.length > 0 ? Buffer.from(letter.key) : null,
    value: Buffer.from(letter.value),
    headers: { ...letter.headers, [HEADER_REPLAY_OF]: deadLetterReference(from) },
  };
}
