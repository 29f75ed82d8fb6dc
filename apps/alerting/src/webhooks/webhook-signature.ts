/**
 * Webhook signatures: HMAC-SHA256 over `<timestamp>.<body>` with the
 * webhook's secret, sent as `X-Crosscheck-Signature: t=<unix seconds>,v1=<hex>`.
 * A receiver recomputes it with `verifyWebhookSignature` (or its own code) and
 * refuses old timestamps, so a captured delivery cannot be replayed later.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-crosscheck-signature';
/** How old a signed delivery may be before a receiver should refuse it. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signWebhook(secret: string, body: string, timestampSeconds: number): string {
  return `t=${timestampSeconds},v1=${hmac(secret, timestampSeconds, body)}`;
}

export function verifyWebhookSignature(
  secret: string,
  body: string,
  header: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const parts = new Map((header ?? '').split(',').map((part) => part.trim().split('=', 2) as [string, string]));
  const timestamp = Number(parts.get('t'));
  const signature = parts.get('v1');
  if (!Number.isInteger(timestamp) || !signature || !/^[0-9a-f]{64}$/.test(signature)) return false;
  if (Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS) return false;
  return timingSafeEqual(Buffer.from(signature, 'hex'), Buffer.from(hmac(secret, timestamp, body), 'hex'));
}

function hmac(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
}
