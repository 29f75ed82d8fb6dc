/**
 * Which URLs a webhook may call: http(s) only, no credentials in the URL, no
 * fragment, and, unless private targets are allowed (local runs and tests),
 * nothing on loopback, private, link-local or unspecified addresses, so that
 * an agency cannot make the exchange call into networks it should not reach.
 * The check runs when a webhook is registered, and again on the address a
 * host name resolves to at delivery time.
 */
import { BlockList, isIP } from 'node:net';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

export interface TargetProblem {
  rule: string;
  message: string;
}

/** The first rule the URL breaks, or undefined when it may be called. */
export function webhookUrlProblem(text: string, allowPrivateTargets: boolean): TargetProblem | undefined {
  if (text.length > MAX_WEBHOOK_URL_LENGTH) return { rule: 'maxLength', message: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { rule: 'isUrl', message: 'must be an absolute URL such as https://example.org/hooks/crosscheck' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { rule: 'protocol', message: 'must use http or https' };
  if (url.username || url.password) return { rule: 'noCredentials', message: 'must not carry a user name or password; deliveries are signed instead' };
  if (url.hash) return { rule: 'noFragment', message: 'must not have a #fragment' };
  if (!allowPrivateTargets && isPrivateHost(url.hostname)) {
    return { rule: 'publicHost', message: 'must not point at a loopback, private or link-local address' };
  }
  return undefined;
}

/** Whether a host name or address is one the exchange must not call. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isPrivateAddress(host);
}

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6 && address.toLowerCase().startsWith('::ffff:')) return isPrivateAddress(mappedIpv4(address.slice(7)));
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** `::ffff:7f00:1` (how URLs normalise `::ffff:127.0.0.1`) is the IPv4 address 127.0.0.1. */
function mappedIpv4(tail: string): string {
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
  if (!hex) return tail;
  const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
