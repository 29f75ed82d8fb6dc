/**
 * A real headless Chromium for the browser tests: Debian's `chromium`, driven
 * by playwright-core through `executablePath` (Playwright's own browser
 * downloads are not used). The project installs it itself, with apt, the first
 * time a browser test runs on a machine without it, together with a font that
 * has Cyrillic, Greek and the other scripts names arrive in.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const PACKAGES = ['chromium', 'fonts-dejavu-core'];

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Installs Debian's chromium when it is missing; `apt-get update` first only if the lists are too stale to install from. */
export function ensureChromium(log: (line: string) => void = (line) => process.stderr.write(`[browser] ${line}\n`)): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const install = () => execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...PACKAGES], { stdio: 'pipe', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 600_000 });
  log(`${CHROMIUM} is missing; installing ${PACKAGES.join(' ')} with apt-get (once per machine)`);
  try {
    install();
  } catch {
    log('apt-get install failed; updating the package lists and trying again');
    execFileSync('apt-get', ['update'], { stdio: 'pipe', timeout: 600_000 });
    install();
  }
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium, but ${CHROMIUM} is still missing`);
  log(`installed ${execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim()}`);
  return CHROMIUM;
}

export interface HeadlessBrowser {
  /** The browser's one context (a persistent one: that is how Playwright gives a profile directory of our own). */
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh headless Chromium with its own throw-away profile. */
export async function launchBrowser(): Promise<HeadlessBrowser> {
  const executablePath = ensureChromium();
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
