/**
 * Logical topic names (`records.received.v1`) are what code and contracts say;
 * physical names add the deployment's prefix. Only this file knows the rule.
 */
import { TopicConfigs, TopicName, Topics, deadLetterTopic } from '@crosscheck/contracts';

export class TopicNames {
  constructor(private readonly prefix: string) {}

  physical(logical: string): string {
    return `${this.prefix}${logical}`;
  }

  logical(physical: string): string {
    return physical.startsWith(this.prefix) ? physical.slice(this.prefix.length) : physical;
  }

  /** Every topic crosscheck uses, with the dead-letter topic of each. */
  all(): string[] {
    return Object.values(Topics).flatMap((topic) => [this.physical(topic), this.physical(deadLetterTopic(topic))]);
  }

  /** Settings a topic is created with beyond the broker's defaults (dead-letter topics have none). */
  config(physical: string): Record<string, string> | undefined {
    return TopicConfigs[this.logical(physical) as TopicName];
  }
}
