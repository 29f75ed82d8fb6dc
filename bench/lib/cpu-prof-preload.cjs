/**
 * CPU-profiles the Node process it is preloaded into, like `node --cpu-prof`
 * (which Node 20 does not accept in NODE_OPTIONS):
 *
 *   NODE_OPTIONS="--require /path/to/bench/lib/cpu-prof-preload.cjs" CPU_PROF_DIR=/some/dir node app.js
 *
 * Writes <CPU_PROF_DIR>/<pid>.cpuprofile when the process exits normally
 * (process.exit included, e.g. a service's graceful SIGTERM shutdown). Read it
 * with bench/lib/cpu-profile.ts or Chrome DevTools.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const inspector = require('node:inspector');

const dir = process.env.CPU_PROF_DIR;
if (dir) {
  const session = new inspector.Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: Number(process.env.CPU_PROF_INTERVAL_US || 1000) });
  session.post('Profiler.start');
  process.on('exit', () => {
    // The in-thread inspector session answers synchronously, so this works inside 'exit'.
    session.post('Profiler.stop', (error, result) => {
      if (error) return process.stderr.write(`cpu-prof-preload: ${error.message}\n`);
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
