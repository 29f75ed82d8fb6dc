/**
 * Which URLs a webhook may call and which addresses the exchange may connect
 * to for it: http(s) only, no credentials in the URL, no fragment, and only
 * public unicast addresses. Loopback, private, link-local, shared (CGNAT),
 * multicast, broadcast, reserved, documentation and benchmarking ranges, and
 * IPv6 forms that carry such an IPv4 address (mapped, NAT64, 6to4), are
 * refused unless the operator lists them in `WEBHOOK_ALLOWED_PRIVATE_TARGETS`,
 * so that an agency cannot make the exchange call into networks it should not
 * reach. Registration judges the URL as written; every connection made for a
 * delivery judges the address it actually goes to (webhook-transport.ts).
 */
import { isIP } from 'node:net';
import * as ipaddr from 'ipaddr.js';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface TargetProblem {
  rule: string;
  message: string;
}

/** One `WEBHOOK_ALLOWED_PRIVATE_TARGETS` entry: an address or network, on one port or on all. */
interface AllowedTarget {
  network: Address;
  prefix: number;
  port?: number;
}

const GLOBAL_UNICAST_V6 = ipaddr.IPv6.parseCIDR('2000::/3');
const IPV4_COMPATIBLE_V6 = ipaddr.IPv6.parseCIDR('::/96');
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR('64:ff9b::/96');

const RANGE_WORDS: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  private: 'a private address',
  reserved: 'a reserved, documentation or benchmarking address',
  benchmarking: 'a benchmarking address',
  uniqueLocal: 'a unique local address',
  deprecatedSiteLocal: 'a site-local address',
  teredo: 'a Teredo address',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'a local-use NAT64 address',
  discard: 'a discard-only address',
};

/**
 * The targets this exchange may call: every public unicast address, and the
 * private ones its operator listed. Built once from the configuration.
 */
export class WebhookTargets {
  private constructor(private readonly allowed: readonly AllowedTarget[]) {}

  /** Reads `WEBHOOK_ALLOWED_PRIVATE_TARGETS`; configuration validation has already refused what it cannot read. */
  static fromAllowlist(list: string): WebhookTargets {
    const problems = allowlistProblems(list);
    if (problems.length > 0) throw new Error(`WEBHOOK_ALLOWED_PRIVATE_TARGETS: ${problems.join('; ')}`);
    return new WebhookTargets(entriesOf(list).map((entry) => parseEntry(entry) as AllowedTarget));
  }

  /** Why the exchange may not connect to this address on this port, in words, or undefined when it may. */
  refusal(address: string, port: number): string | undefined {
    if (!ipaddr.isValid(address)) return `${address}, which is not an IP address`;
    // An IPv4-mapped IPv6 address is that IPv4 address on a dual-stack socket.
    const parsed = ipaddr.process(address);
    const kind = specialPurpose(parsed);
    if (kind === undefined) return undefined;
    if (this.allowed.some((entry) => matches(entry, parsed, port))) return undefined;
    return `${address}, ${kind}`;
  }

  /**
   * Why a URL's host may not be registered, or undefined. IP addresses are
   * judged as written; `localhost` names always mean loopback; other names are
   * judged on what they resolve to when a delivery connects, since what they
   * resolve to now says nothing about then.
   */
  hostRefusal(hostname: string, port: number): string | undefined {
    const host = hostname
      .replace(/^\[|\]$/g, '')
      .replace(/\.$/, '')
      .toLowerCase();
    if (isIP(host)) return this.refusal(host, port);
    if (host === 'localhost' || host.endsWith('.localhost')) {
      const loopbackAllowed = this.refusal('127.0.0.1', port) === undefined || this.refusal('::1', port) === undefined;
      return loopbackAllowed ? undefined : `${host}, a loopback name`;
    }
    return undefined;
  }
}

/** The first rule the URL breaks, or undefined when it may be registered. */
export function webhookUrlProblem(text: string, targets: WebhookTargets): TargetProblem | undefined {
  if (text.length > MAX_WEBHOOK_URL_LENGTH)
    return { rule: 'maxLength', message: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { rule: 'isUrl', message: 'must be an absolute URL such as https://example.org/hooks/crosscheck' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { rule: 'protocol', message: 'must use http or https' };
  if (url.username || url.password)
    return { rule: 'noCredentials', message: 'must not carry a user name or password; deliveries are signed instead' };
  if (url.hash) return { rule: 'noFragment', message: 'must not have a #fragment' };
  const refusal = targets.hostRefusal(url.hostname, portOf(url));
  if (refusal) return { rule: 'publicHost', message: `must point at a public address, not ${refusal}` };
  return undefined;
}

/** The port a URL connects to, its scheme's default when it names none. */
export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Each entry of the list that cannot be read, with what it should look like; none for a good list. */
export function allowlistProblems(list: string): string[] {
  return entriesOf(list).flatMap((entry) => {
    const parsed = parseEntry(entry);
    return typeof parsed === 'string' ? [`"${entry}" ${parsed}`] : [];
  });
}

function entriesOf(list: string): string[] {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * `127.0.0.1`, `127.0.0.1:9000`, `10.0.0.0/8`, `10.0.0.0/8:443`, `::1`,
 * `fd00::/8`, `[::1]:9000`, `[fd00::/8]:443`: an IP address or CIDR network,
 * and optionally the one port it may be called on. Host names are not
 * accepted: what they resolve to can change, which is what is being guarded.
 */
function parseEntry(entry: string): AllowedTarget | string {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  const [network, portText] = bracketed
    ? [bracketed[1], bracketed[2]]
    : entry.split(':').length > 2
      ? [entry, undefined]
      : (entry.split(':') as [string, string | undefined]);
  const [addressText, prefixText, ...rest] = network.split('/');
  const family = isIP(addressText);
  if (family === 0 || rest.length > 0) {
    return /^[a-z0-9.-]+$/i.test(addressText) && !/^[\d.]+$/.test(addressText)
      ? 'is a host name; list the addresses or networks it should reach (what a name resolves to can change)'
      : 'must be an IP address or CIDR network, optionally with a port: 127.0.0.1:9000, 10.0.0.0/8, [::1]:9000';
  }
  if (bracketed && family !== 6) return 'puts an IPv4 address in brackets; write 127.0.0.1:9000';
  const bits = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
  if (!(prefix >= 0 && prefix <= bits)) return `must have a prefix length from 0 to ${bits}`;
  const port = portText === undefined ? undefined : /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (port !== undefined && !(port >= 1 && port <= 65535)) return 'must have a port from 1 to 65535';
  return { network: ipaddr.parse(addressText), prefix, port };
}

function matches(entry: AllowedTarget, address: Address, port: number): boolean {
  if (entry.port !== undefined && entry.port !== port) return false;
  return address.kind() === entry.network.kind() && address.match(entry.network, entry.prefix);
}

/** What special-purpose range the address is in, in words, or undefined for a public unicast address. */
function specialPurpose(address: Address): string | undefined {
  if (address.kind() === 'ipv4') {
    const range = address.range();
    return range === 'unicast' ? undefined : (RANGE_WORDS[range] ?? `a special-purpose address (${range})`);
  }
  const v6 = address as ipaddr.IPv6;
  const embedded = embeddedIpv4(v6);
  if (embedded) {
    const kind = specialPurpose(embedded);
    return kind && `which embeds ${embedded.toString()}, ${kind}`;
  }
  const range = v6.range();
  if (range !== 'unicast') return RANGE_WORDS[range] ?? `a special-purpose address (${range})`;
  if (v6.match(IPV4_COMPATIBLE_V6)) return 'a deprecated IPv4-compatible address';
  if (!v6.match(GLOBAL_UNICAST_V6)) return 'outside the global unicast range 2000::/3';
  return undefined;
}

/** The IPv4 address that NAT64 (64:ff9b::/96) or 6to4 (2002::/16) would carry this one to. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const [, high6to4, low6to4, , , , high, low] = address.parts;
  if (address.match(NAT64_WELL_KNOWN)) return ipv4Of(high, low);
  if (address.range() === '6to4') return ipv4Of(high6to4, low6to4);
  return undefined;
}

function ipv4Of(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 255, low >> 8, low & 255]);
}
