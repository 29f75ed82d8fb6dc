/**
 * A real headless Chromium for the browser tests: Debian's `chromium`, driven
 * by playwright-core through `executablePath` (Playwright's own browser
 * downloads are not used). The project installs it itself, with apt, the first
 * time a browser test runs on a machine without it, together with a font that
 * has Cyrillic, Greek and the other scripts names arrive in.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-dejavu-core'];
const run = promisify(execFile);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Installs Debian's chromium when it is missing; `apt-get update` first only
 * if the lists are too stale to install from. Asynchronous, so a test can
 * start its services while apt works (a first install takes a minute or two).
 */
export async function ensureChromium(
  log: (line: string) => void = (line) => process.stderr.write(`[browser] ${line}\n`),
): Promise<string> {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const apt = (args: string[]) =>
    run('apt-get', ['-o', 'DPkg::Lock::Timeout=120', ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 600_000,
      maxBuffer: 64 * 1024 * 1024,
    });
  const install = () => apt(['install', '-y', '--no-install-recommends', ...PACKAGES]);
  log(`${CHROMIUM} is missing; installing ${PACKAGES.join(' ')} with apt-get (once per machine)`);
  try {
    await install();
  } catch {
    log('apt-get install failed; updating the package lists and trying again');
    await apt(['update']);
    await install();
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing`);
  log(`installed ${(await run(CHROMIUM, ['--version'])).stdout.trim()}`);
  return CHROMIUM;
}

export interface HeadlessBrowser {
  /** The browser's one context (a persistent one: that is how Playwright gives a profile directory of our own). */
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh headless Chromium with its own throw-away profile. */
export async function launchBrowser(): Promise<HeadlessBrowser> {
  const executablePath = await ensureChromium();
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'crosscheck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-GB',
    timezoneId: 'UTC',
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
