// Fetches the JVM servers' jars from Maven Central with `mvn dependency:copy-dependencies`, once.
// A marker holding the pom's hash is written only after a complete copy, so an interrupted
// fetch is redone and a version bump in the pom triggers a refetch. Copies go to a temporary
// directory that is renamed into place, so a concurrent launcher never sees half a lib/.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { KAFKA_DIR, KAFKA_LIB, LOCAL_DIR, ZIPKIN_DIR, ZIPKIN_LIB } from './paths';
import type { LogFn } from './proc';

export type JarSet = 'kafka' | 'zipkin';

const sets: Record<JarSet, { pom: string; lib: string }> = {
  kafka: { pom: path.join(KAFKA_DIR, 'pom.xml'), lib: KAFKA_LIB },
  zipkin: { pom: path.join(ZIPKIN_DIR, 'pom.xml'), lib: ZIPKIN_LIB },
};

const MARKER = '.fetched';

function pomHash(pom: string): string {
  return createHash('sha256').update(fs.readFileSync(pom)).digest('hex');
}

export function jarsFetched(set: JarSet): boolean {
  const { pom, lib } = sets[set];
  try {
    return fs.readFileSync(path.join(lib, MARKER), 'utf8').trim() === pomHash(pom);
  } catch {
    return false;
  }
}

// Two mvn processes downloading into the same ~/.m2 can corrupt it (Maven 3.8 has no locking),
// so fetches from this process run one at a time.
let queue: Promise<unknown> = Promise.resolve();

/** Makes sure the jars of `set` are in its lib/ directory; returns that directory. */
export function fetchJars(set: JarSet, log?: LogFn): Promise<string> {
  const run = queue.then(() => fetchNow(set, log));
  queue = run.catch(() => undefined);
  return run;
}

async function fetchNow(set: JarSet, log?: LogFn): Promise<string> {
  const { pom, lib } = sets[set];
  if (jarsFetched(set)) return lib;
  // Under .local (gitignored, same filesystem for the rename), so a killed fetch leaves no litter in git status.
  const tmp = path.join(LOCAL_DIR, 'fetch', `${set}-${process.pid}-${Date.now()}`);
  log?.(`fetching ${set} jars from Maven Central (first run only)`);
  try {
    await mvn(['-q', '-B', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${tmp}`]);
    fs.writeFileSync(path.join(tmp, MARKER), pomHash(pom));
    if (jarsFetched(set)) return lib; // another process finished first
    fs.rmSync(lib, { recursive: true, force: true });
    try {
      fs.renameSync(tmp, lib);
    } catch (err) {
      if (!jarsFetched(set)) throw err; // else a concurrent fetch renamed its copy in first
    }
    return lib;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function mvn(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('mvn', args, { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return resolve();
      const hint =
        (err as NodeJS.ErrnoException).code === 'ENOENT'
          ? 'Maven (mvn) is not on PATH; it is needed once to fetch the Kafka/Zipkin jars.'
          : `${stdout}${stderr}`.split('\n').slice(-30).join('\n');
      reject(new Error(`mvn ${args.join(' ')} failed:\n${hint}`));
    });
  });
}
