/**
 * Tells failures of the infrastructure (worth waiting out) from failures of a
 * message (worth dead-lettering). Postgres SQLSTATE classes and Node socket
 * errors are the evidence; anything unrecognised counts as the message's fault.
 */
const TRANSIENT_SQLSTATE = [
  /^08/, // connection exception
  /^40001$/, // serialization failure
  /^40P01$/, // deadlock detected
  /^53/, // insufficient resources (too many connections, disk full)
  /^55P03$/, // lock not available
  /^57P0[1-3]$/, // admin shutdown, crash shutdown, cannot connect now
];
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const TRANSIENT_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Query read timeout/i,
];

export function isTransientFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const { code, message, driverError, cause } = current as {
      code?: unknown;
      message?: unknown;
      driverError?: unknown;
      cause?: unknown;
    };
    if (
      typeof code === 'string' &&
      (TRANSIENT_NODE_CODES.has(code) || TRANSIENT_SQLSTATE.some((pattern) => pattern.test(code)))
    )
      return true;
    if (typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = driverError ?? cause;
  }
  return false;
}
