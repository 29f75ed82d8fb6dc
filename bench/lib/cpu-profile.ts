import * as path from 'node:path';
import { paths } from '@crosscheck/infra';
import { log } from './environment';

/**
 * `--cpu-prof` for the service a benchmark measures: the NODE_OPTIONS to start it with (none when not asked
 * for), and, as the profile is written when the process exits, `written` stops it and says where the profile is.
 */
export function cpuProfile(
  service: string,
  environmentId: string,
  enabled: boolean,
): { nodeOptions: string; written(stop: () => Promise<void>): Promise<void> } {
  const directory = path.join(paths.LOCAL_DIR, 'bench', 'profiles', `${service}_${environmentId}`);
  return {
    nodeOptions: enabled ? `--cpu-prof --cpu-prof-dir="${directory}"` : '',
    async written(stop) {
      if (!enabled) return;
      await stop();
      log(
        `profile of ${service}: ${path.relative(process.cwd(), directory)} (open it in Chrome DevTools or speedscope)`,
      );
    },
  };
}
