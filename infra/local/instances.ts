/**
 * How many instances of each pipeline service `npm start` runs, and where the
 * ones after the first listen: the first on the service's own port (it
 * migrates), the n-th on that port + 100 × (n − 1). All of them share the
 * service's database and consumer group, so Kafka divides the partitions
 * among them (docs/scaling.md).
 */

/** Instances at most: the default partition count (KAFKA_TOPIC_PARTITIONS); more would idle. */
export const MAX_INSTANCES = 12;

/** `--instances N` or CROSSCHECK_INSTANCES=N (the flag wins); 1 when neither is given. */
export function instancesWanted(args: string[], fromEnv: string | undefined): number {
  const flag = args.indexOf('--instances');
  const text = flag >= 0 ? (args[flag + 1] ?? '(nothing)') : fromEnv;
  if (text === undefined || text === '') return 1;
  const instances = Number(text);
  if (!Number.isInteger(instances) || instances < 1 || instances > MAX_INSTANCES)
    throw new Error(
      `--instances (or CROSSCHECK_INSTANCES): must be a whole number from 1 to ${MAX_INSTANCES}, not ${text}`,
    );
  return instances;
}

/** The port of a service's `instance`-th instance (from 1). */
export function instancePort(servicePort: number, instance: number): number {
  return servicePort + 100 * (instance - 1);
}
