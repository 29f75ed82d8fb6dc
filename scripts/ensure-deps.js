// Installs dependencies when they are missing or older than package-lock.json,
// so that `npm start` and `npm test` work on a fresh clone. Plain JavaScript:
// it runs before anything is installed.
const { execSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const lockHash = createHash('sha256')
  .update(readFileSync(path.join(root, 'package-lock.json')))
  .digest('hex');
const marker = path.join(root, 'node_modules', '.crosscheck-installed');

if (!existsSync(marker) || readFileSync(marker, 'utf8') !== lockHash) {
  console.log('[crosscheck] installing dependencies...');
  // `npm install`, not `npm ci`: npm 11 here writes lockfiles without other platforms' optional
  // binaries (swc, buf, nx), which `npm ci` then rejects as out of sync. Versions still come from
  // the committed lockfile.
  execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
  writeFileSync(marker, lockHash);
}
