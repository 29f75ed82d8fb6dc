/**
 * How a delivery reaches a receiver: a POST through HTTP(S) agents that check
 * every connection they open against the webhook target rules, on the address
 * the socket actually connects to. An IP address in the URL is judged before
 * connecting; a host name is judged on every address it resolves to, inside
 * the socket's own lookup, so a name that resolves (or is rebound after
 * registration) to a refused address is never called. Connections are kept
 * alive between deliveries to the same receiver.
 */
import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import * as http from 'node:http';
import * as https from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import type { Duplex } from 'node:stream';
import { context } from '@opentelemetry/api';
import { suppressTracing } from '@opentelemetry/core';
import { portOf, WebhookTargets } from './webhook-target';

/** A connection the target rules refuse; the delivery fails for good with this message. */
export class TargetRefusedError extends Error {
  readonly code = 'ERR_WEBHOOK_TARGET_REFUSED';
  override readonly name = 'TargetRefusedError';
}

/** A receiver that had not answered within the delivery timeout. */
export class ReceiverTimeoutError extends Error {
  override readonly name = 'ReceiverTimeoutError';
}

type ConnectionCallback = (error: Error | null, socket: Duplex) => void;

/**
 * A lookup for one connection to `port`: resolves the name as `resolve` does,
 * keeps only the addresses the rules allow, and fails when none is left.
 */
export function guardedLookup(
  targets: WebhookTargets,
  port: number,
  resolve: LookupFunction = dnsLookup as LookupFunction,
): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, resolved) => {
      if (error) return callback(error, '');
      const addresses = resolved as LookupAddress[];
      const allowed = addresses.filter(({ address }) => targets.refusal(address, port) === undefined);
      if (allowed.length === 0) {
        const refusals = addresses.map(({ address }) => targets.refusal(address, port)).join('; ') || 'no address';
        const refused = new TargetRefusedError(
          `refused to connect to port ${port} of ${hostname}: it resolves only to ${refusals}`,
        );
        return callback(refused, '');
      }
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0].address, allowed[0].family);
    });
  };
}

/** Opens a connection as `open` does, once the rules allow it. */
function guardedConnection(
  targets: WebhookTargets,
  resolve: LookupFunction,
  options: http.ClientRequestArgs,
  callback: ConnectionCallback | undefined,
  open: (options: http.ClientRequestArgs) => Duplex | null | undefined,
): Duplex | null | undefined {
  const host = (options.host ?? '').replace(/^\[|\]$/g, '');
  const port = Number(options.port);
  // A socket given an IP address connects without a lookup, so the address is judged here.
  const refusal = isIP(host) ? targets.refusal(host, port) : undefined;
  if (refusal !== undefined) {
    const error = new TargetRefusedError(`refused to connect to port ${port} of ${refusal}`);
    if (!callback) throw error;
    callback(error, undefined as unknown as Duplex);
    return undefined;
  }
  return open({ ...options, lookup: guardedLookup(targets, port, options.lookup ?? resolve) });
}

class GuardedHttpAgent extends http.Agent {
  constructor(
    private readonly webhookTargets: WebhookTargets,
    private readonly resolveHost: LookupFunction,
  ) {
    super({ keepAlive: true });
  }

  override createConnection(options: http.ClientRequestArgs, callback?: ConnectionCallback): Duplex | null | undefined {
    const open = (allowed: http.ClientRequestArgs) => super.createConnection(allowed, callback);
    return guardedConnection(this.webhookTargets, this.resolveHost, options, callback, open);
  }
}

class GuardedHttpsAgent extends https.Agent {
  constructor(
    private readonly webhookTargets: WebhookTargets,
    private readonly resolveHost: LookupFunction,
  ) {
    super({ keepAlive: true });
  }

  override createConnection(options: https.RequestOptions, callback?: ConnectionCallback): Duplex | null | undefined {
    const open = (allowed: http.ClientRequestArgs) => super.createConnection(allowed, callback);
    return guardedConnection(this.webhookTargets, this.resolveHost, options, callback, open);
  }
}

export class WebhookTransport {
  private readonly httpAgent: GuardedHttpAgent;
  private readonly httpsAgent: GuardedHttpsAgent;

  /** `resolve` is the system resolver; tests give their own to stand for DNS. */
  constructor(targets: WebhookTargets, resolve: LookupFunction = dnsLookup as LookupFunction) {
    this.httpAgent = new GuardedHttpAgent(targets, resolve);
    this.httpsAgent = new GuardedHttpsAgent(targets, resolve);
  }

  /**
   * POSTs the body and resolves with the receiver's status (redirects are not
   * followed). Rejects with `TargetRefusedError` when the rules refuse the
   * connection, `ReceiverTimeoutError` past the timeout, or the socket's error.
   */
  post(url: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
    const secure = url.protocol === 'https:';
    const signal = AbortSignal.timeout(timeoutMs);
    // Not traced as an HTTP client call: the delivery has its own span, and a receiver gets no trace context.
    return context.with(
      suppressTracing(context.active()),
      () =>
        new Promise<number>((resolve, reject) => {
          let status: number | undefined;
          const request = (secure ? https : http).request(
            url,
            {
              method: 'POST',
              agent: secure ? this.httpsAgent : this.httpAgent,
              port: portOf(url),
              signal,
              headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
            },
            (response) => {
              // Read to the end, so the connection can carry the next delivery; a body that never ends is cut off by
              // the timeout, and the status already answered still counts.
              status = response.statusCode ?? 0;
              const answered = () => resolve(status!);
              response.on('end', answered).on('error', answered).on('close', answered);
              response.resume();
            },
          );
          request.on('error', (error) => {
            if (status !== undefined) resolve(status);
            else reject(signal.aborted ? new ReceiverTimeoutError(`no answer within ${timeoutMs} ms`) : error);
          });
          request.end(body);
        }),
    );
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }
}
