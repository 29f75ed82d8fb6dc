/**
 * The string formats settings are written in, each with the rule name and the
 * message a refused value gets: a readable file, an IP address, an http(s) or
 * postgres URL, a list of brokers. Registered once with the schema engine.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { defineFormat } from './schema/compiled-schema';

function isReadableFile(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A URL with one of these schemes and a host: `localhost:3002` (no scheme) is refused. */
function isUrlOf(text: string, schemes: string[]): boolean {
  if (/\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return schemes.includes(url.protocol.slice(0, -1)) && url.hostname !== '';
  } catch {
    return false;
  }
}

export const BROKER = /^[\w.-]+:\d+$/;

/** `a:9092, b:9092`: the brokers, comma-separated. */
export function brokerList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

defineFormat('readable-file', {
  rule: 'isReadableFile',
  check: isReadableFile,
  message: () => 'must be the path of a readable file',
});
defineFormat('ip-address', {
  rule: 'isIp',
  check: (text) => isIP(text) !== 0,
  message: () => 'must be an IP address, such as 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)',
});
defineFormat('http-url', {
  rule: 'isUrl',
  check: (text) => isUrlOf(text, ['http', 'https']),
  message: () => 'must be a URL address, http:// or https://',
});
defineFormat('postgres-url', {
  rule: 'isUrl',
  check: (text) => isUrlOf(text, ['postgres', 'postgresql']),
  message: () => 'must be a URL address, postgres:// or postgresql://',
});
defineFormat('broker-list', {
  rule: 'matches',
  check: (text) => brokerList(text).length > 0 && brokerList(text).every((broker) => BROKER.test(broker)),
  message: () => 'each broker must be host:port',
});
