/**
 * Consumer lag as the brokers see it: for each service's consumer group, its
 * committed offset against the end of every partition it has committed on,
 * and its members. A stopped consumer publishes no metrics, but its group's
 * offsets stay on the brokers, so its lag keeps growing here while records
 * arrive. Only the deployment's topics (its prefix) are shown, by logical name.
 */
import type { Admin } from 'kafkajs';
import type { GroupState, PartitionLag } from './pipeline-health';

export async function groupState(admin: Admin, groupId: string, topicPrefix: string): Promise<GroupState> {
  const [committed, described] = await Promise.all([admin.fetchOffsets({ groupId }), admin.describeGroups([groupId])]);
  const lag: PartitionLag[] = [];
  for (const { topic, partitions } of committed) {
    if (!topic.startsWith(topicPrefix)) continue;
    const ends = new Map((await admin.fetchTopicOffsets(topic)).map((end) => [end.partition, end]));
    for (const { partition, offset } of partitions) {
      const end = ends.get(partition);
      if (!end) continue;
      const high = Number(end.high);
      const committedOffset = Number(offset) >= 0 ? Number(offset) : null;
      lag.push({
        topic: topic.slice(topicPrefix.length),
        partition,
        committed: committedOffset,
        end: high,
        lag: Math.max(0, high - (committedOffset ?? Number(end.low))),
      });
    }
  }
  lag.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
  const group = described.groups.find((candidate) => candidate.groupId === groupId);
  return { instances: group?.members.length ?? 0, lag };
}
