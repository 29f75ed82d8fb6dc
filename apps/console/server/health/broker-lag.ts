/**
 * Consumer lag as the brokers see it: for each service's consumer group, its
 * committed offset against the end of every partition of the topics it
 * consumes, and its members. A stopped consumer publishes no metrics, but its
 * group's offsets stay on the brokers, so its lag keeps growing here while
 * records arrive. A group consumes a topic when it has committed on any of its
 * partitions. Only the deployment's topics (its prefix) are read, and shown
 * by their logical names.
 */
import type { Admin } from 'kafkajs';
import type { PartitionLag } from '@crosscheck/operator-views';
import type { GroupState } from './pipeline-health';

export async function groupStates(
  admin: Admin,
  groupIds: string[],
  topicPrefix: string,
): Promise<Map<string, GroupState>> {
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix) && !topic.startsWith('__'));
  const [described, committed] = await Promise.all([
    admin.describeGroups(groupIds),
    Promise.all(groupIds.map((groupId) => admin.fetchOffsets({ groupId, topics }))),
  ]);
  // End offsets only of the topics some group consumes: a broker shared with others may hold many more.
  const consumed = new Set(
    committed.flat().flatMap(({ topic, partitions }) => (partitions.some(isCommitted) ? [topic] : [])),
  );
  const endsByTopic = new Map(
    await Promise.all([...consumed].map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const)),
  );
  const states = new Map<string, GroupState>();
  groupIds.forEach((groupId, index) => {
    const lag: PartitionLag[] = [];
    for (const { topic, partitions } of committed[index]) {
      if (!partitions.some(isCommitted)) continue; // not a topic this group consumes
      const committedBy = new Map(partitions.map(({ partition, offset }) => [partition, Number(offset)]));
      for (const end of endsByTopic.get(topic) ?? []) {
        const offset = committedBy.get(end.partition) ?? -1;
        const high = Number(end.high);
        const from = offset >= 0 ? offset : Number(end.low);
        lag.push({
          topic: topic.slice(topicPrefix.length),
          partition: end.partition,
          committed: offset >= 0 ? offset : null,
          end: high,
          lag: Math.max(0, high - from),
        });
      }
    }
    lag.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    const group = described.groups.find((candidate) => candidate.groupId === groupId);
    states.set(groupId, { instances: group?.members.length ?? 0, lag });
  });
  return states;
}

function isCommitted({ offset }: { offset: string }): boolean {
  return Number(offset) >= 0;
}
