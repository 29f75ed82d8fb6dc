import type { Running } from '../../infra/local';

export default async function globalTeardown(): Promise<void> {
  const started =
    (globalThis as { crosscheckInfrastructure?: Pick<Running, 'stop' | 'startedHere'>[] }).crosscheckInfrastructure ??
    [];
  await Promise.allSettled(started.filter((part) => part.startedHere).map((part) => part.stop()));
}
