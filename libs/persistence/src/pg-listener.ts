/**
 * The one way a crosscheck service waits for Postgres NOTIFY. A dedicated
 * connection LISTENs on the given channels and wakes a handler on each
 * notification, on a poll (a NOTIFY sent while the connection is down is lost
 * for good) and after every (re)connect. A dropped connection is re-established
 * with backoff and LISTENs again; every failed attempt is logged and counted in
 * `crosscheck_pg_listener_reconnect_failures_total`, then tried again.
 */
import { metricsRegistry } from '@crosscheck/telemetry';
import { Client, ClientConfig } from 'pg';
import { Counter } from 'prom-client';
import { ReconnectBackoff, reconnectDelayMs } from './reconnect-backoff';

export const pgListenerReconnectFailures =
  (metricsRegistry.getSingleMetric('crosscheck_pg_listener_reconnect_failures_total') as Counter | undefined) ??
  new Counter({
    name: 'crosscheck_pg_listener_reconnect_failures_total',
    help: 'Failed attempts of a LISTEN connection to (re)connect to Postgres, by listener',
    labelNames: ['listener'],
  });

/** The listening connection, for work that must share its session (a session-level advisory lock). */
export interface PgSession {
  query<Row = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<Row[]>;
}

/** What the listener logs through: a Nest `Logger`, or an adapter over the service's pino logger. */
export interface PgListenerLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface PgListenerOptions {
  /** Names the listener in logs and metrics, and is its connection's `application_name`. */
  name: string;
  /** How to reach Postgres (`connectionString`, `options`, `query_timeout`...). */
  connection: Omit<ClientConfig, 'application_name'>;
  channels: readonly string[];
  /** The longest the handler waits without a NOTIFY. */
  pollMs: number;
  /**
   * Called on each wake-up with the listening session, or `undefined` while it is down. Calls never overlap:
   * wake-ups during a call are folded into one more call after it. A rejection is logged, never lost.
   */
  onWake(session: PgSession | undefined): Promise<void> | void;
  logger: PgListenerLogger;
  reconnectBackoff?: ReconnectBackoff;
}

const DEFAULT_BACKOFF: ReconnectBackoff = { initialMs: 200, maxMs: 5_000 };

export class PgListener {
  private readonly backoff: ReconnectBackoff;
  private state: 'new' | 'started' | 'stopped' = 'new';
  private client: Client | undefined;
  private session: PgSession | undefined;
  private everConnected = false;
  private failedAttempts = 0;
  private connecting: Promise<void> | undefined;
  private readonly closing = new Set<Promise<void>>();
  private reconnectTimer: NodeJS.Timeout | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private handling: Promise<void> | undefined;
  private busy = false;
  private wakePending = false;

  constructor(private readonly options: PgListenerOptions) {
    this.backoff = options.reconnectBackoff ?? DEFAULT_BACKOFF;
  }

  get connected(): boolean {
    return this.session !== undefined;
  }

  /**
   * Starts polling and makes the first attempt to connect, resolving when that attempt has succeeded or
   * failed. A failure does not reject: it is logged, counted and tried again, as after a lost connection.
   */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error(`${this.options.name} has already been started`);
    this.state = 'started';
    this.pollTimer = setInterval(() => this.wake(), this.options.pollMs);
    await this.connect();
    if (!this.connected) this.wake();
  }

  /** Lets the handler finish, then ends the connection and every timer. The handler is not called again. */
  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    clearInterval(this.pollTimer);
    clearTimeout(this.reconnectTimer);
    // An attempt in flight sees the state and closes its own client.
    await this.connecting;
    await this.handling;
    const client = this.client;
    this.client = undefined;
    this.session = undefined;
    if (client) this.close(client);
    await Promise.all(this.closing);
  }

  /** Runs the handler soon: now if it is idle, else once more after the current call. */
  wake(): void {
    if (this.state !== 'started') return;
    this.wakePending = true;
    if (this.busy) return;
    this.busy = true;
    this.handling = this.handle();
  }

  private async handle(): Promise<void> {
    try {
      while (this.wakePending && this.state === 'started') {
        this.wakePending = false;
        try {
          await this.options.onWake(this.session);
        } catch (error) {
          this.options.logger.warn(`${this.options.name}: handling a wake-up failed: ${describeError(error)}`);
        }
      }
    } finally {
      this.busy = false;
    }
  }

  private connect(): Promise<void> {
    this.connecting = this.attempt().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async attempt(): Promise<void> {
    const client = new Client({
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      ...this.options.connection,
      application_name: this.options.name,
    });
    // Attached before connecting: an 'error' event with no listener would crash the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('the connection ended')));
    client.on('notification', () => this.wake());
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    } catch (error) {
      this.close(client);
      this.failed(error);
      return;
    }
    if (this.state === 'stopped') {
      this.close(client);
      return;
    }
    this.client = client;
    this.session = {
      query: async <Row>(sql: string, values?: unknown[]) => (await client.query(sql, values)).rows as Row[],
    };
    if (this.everConnected) this.options.logger.log(`${this.options.name} reconnected to Postgres and listens again`);
    this.everConnected = true;
    this.failedAttempts = 0;
    this.wake();
  }

  private failed(error: unknown): void {
    const { name, logger } = this.options;
    this.failedAttempts += 1;
    pgListenerReconnectFailures.inc({ listener: name });
    const what = `${name} could not ${this.everConnected ? 'reconnect' : 'connect'} to Postgres`;
    if (this.state !== 'started') {
      logger.warn(`${what} before it stopped: ${describeError(error)}`);
      return;
    }
    const delay = this.scheduleReconnect();
    logger.warn(`${what} (attempt ${this.failedAttempts}): ${describeError(error)}; trying again in ${delay} ms`);
  }

  private lost(client: Client, error: Error): void {
    if (client !== this.client) return;
    this.client = undefined;
    this.session = undefined;
    this.close(client);
    if (this.state !== 'started') return;
    const delay = this.scheduleReconnect();
    const { name, logger } = this.options;
    logger.warn(`${name} lost its database connection (${describeError(error)}); reconnecting in ${delay} ms`);
  }

  private scheduleReconnect(): number {
    const delay = reconnectDelayMs(this.backoff, this.failedAttempts);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, delay);
    return delay;
  }

  /** Ends a client in the background; `stop` waits for every such end. `end()` does not reject. */
  private close(client: Client): void {
    const ending = client.end().finally(() => this.closing.delete(ending));
    this.closing.add(ending);
  }
}

/**
 * A connection error in its own words. A refused connection to a name with several addresses (localhost)
 * is an AggregateError with no message of its own.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && !error.message) {
    return [...new Set(error.errors.map(describeError))].join('; ');
  }
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const message = error.message || code || error.name;
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
