/**
 * Where intake's CPU goes, in the words of its code: buckets for
 * `bucketize` (cpu-profile.ts). A sample goes to the first bucket whose test
 * accepts its stack, so order matters: tracing's own frames first (wherever
 * they were called from), then the relay, then the request's steps from
 * reading the body to writing the rows, then the driver and the framework.
 *
 *   npx tsx bench/lib/intake-buckets.ts <file.cpuprofile> [--from µs] [--to µs]
 */
import * as fs from 'node:fs';
import { bucketize, formatBuckets, type Bucket, type CallFrame, type CpuProfile } from './cpu-profile';

const anywhere =
  (...needles: string[]) =>
  (stack: CallFrame[]) =>
    stack.some((frame) => needles.some((needle) => frame.url.includes(needle)));

/** The innermost frame that has a script is in one of these (a native leaf counts for its JS caller). */
const selfIn =
  (...needles: string[]) =>
  (stack: CallFrame[]) => {
    const frame = stack.find((candidate) => candidate.url);
    return frame !== undefined && needles.some((needle) => frame.url.includes(needle));
  };

/**
 * The innermost frame outside Node itself is in one of these. For middleware: Express runs the
 * next middleware from inside the previous one's callback, so body-parser's frames sit under
 * everything that follows it in the same tick; only its own work has it innermost.
 */
const innermostIn =
  (...needles: string[]) =>
  (stack: CallFrame[]) => {
    const frame = stack.find((candidate) => candidate.url && !candidate.url.startsWith('node:'));
    return frame !== undefined && needles.some((needle) => frame.url.includes(needle));
  };

const called = (name: string, urlPart: string) => (stack: CallFrame[]) =>
  stack.some((frame) => frame.functionName === name && frame.url.includes(urlPart));

/** ShareRecordService.shareBatch hashing the whole batch (sha256 of JSON.stringify(items)) for the Idempotency-Key check. */
const requestHash = (stack: CallFrame[]) => {
  const at = stack.findIndex((frame) => frame.functionName === 'share' && frame.url.includes('share-batch.service.js'));
  if (at <= 0) return false;
  const callee = stack[at - 1];
  return (
    callee.url.startsWith('node:internal/crypto') ||
    ['stringify', 'update', 'digest', 'createHash', 'Hash'].includes(callee.functionName)
  );
};

export const INTAKE_BUCKETS: Bucket[] = [
  { name: 'garbage collection', test: (stack) => stack[0].functionName === '(garbage collector)' },
  {
    name: 'tracing: OpenTelemetry spans, context, async_hooks (self time)',
    test: selfIn('@opentelemetry/', 'node:internal/async_hooks', 'node:async_hooks'),
  },
  {
    name: 'outbox relay: read outbox, publish to Kafka (kafkajs), delete',
    test: anywhere('outbox.relay.js', '/kafkajs/'),
  },
  { name: 'batch request hash: sha256(JSON.stringify(items))', test: requestHash },
  { name: 'body: read and JSON.parse (raw-body, body-parser)', test: innermostIn('/body-parser/', '/raw-body/') },
  { name: 'body: control-character and nesting checks (json-body)', test: innermostIn('runtime/src/json-body.js') },
  { name: 'DTO: class-transformer plainToInstance', test: anywhere('/class-transformer/') },
  { name: 'DTO: class-validator validate', test: anywhere('/class-validator/', '/validator/') },
  { name: 'content hash and dates (prepareContent)', test: called('prepareContent', 'record-content.js') },
  {
    name: 'outbox event: toSharedRecord, protobuf encode, outbox INSERT',
    test: anywhere(
      'records/record-events.js',
      'messaging/src/outbox.js',
      '@bufbuild/protobuf',
      'contracts/src/codec.js',
    ),
  },
  {
    name: 'records SQL: build parameters, map rows (records.repository)',
    test: anywhere('records/records.repository.js'),
  },
  { name: 'auth key lookup and audit line', test: anywhere('/audit/', 'auth/src/', 'agencies.repository.js') },
  {
    name: 'pg driver and TypeORM: protocol, row parsing (jsonb, dates)',
    test: anywhere(
      '/pg/',
      '/pg-pool/',
      '/pg-protocol/',
      '/pg-types/',
      '/postgres-date/',
      '/postgres-array/',
      '/postgres-bytea/',
      '/typeorm/',
    ),
  },
  {
    name: 'HTTP server, Express, Nest, rxjs (incl. response JSON)',
    test: anywhere(
      '/express/',
      '/router/',
      '/@nestjs/',
      '/rxjs/',
      'node:_http',
      'node:internal/http',
      '/finalhandler/',
      '/on-finished/',
      'node:net',
    ),
  },
];

if (require.main === module) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? Number(args.splice(index, 2)[1]) : undefined;
  };
  const fromUs = option('from');
  const toUs = option('to');
  const profile = JSON.parse(fs.readFileSync(args[0], 'utf8')) as CpuProfile;
  process.stdout.write(`${formatBuckets(bucketize(profile, INTAKE_BUCKETS, { fromUs, toUs }))}\n`);
}
