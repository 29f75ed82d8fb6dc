/**
 * A certificate authority and a server certificate for 127.0.0.1 and
 * localhost, made with openssl at test time and valid for a day: what the
 * transport-security suite serves HTTPS and Kafka's TLS listener with, and
 * what its clients trust. Nothing is committed; keys live in a temp folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestCertificates {
  folder: string;
  /** The CA certificate clients trust (PEM). */
  caFile: string;
  ca: string;
  /** The server's certificate (PEM), signed by the CA, for 127.0.0.1 and localhost. */
  certFile: string;
  /** The server's private key (PKCS#8 PEM, unencrypted). */
  keyFile: string;
  /** The key and certificate in one PEM file, as Kafka's PEM keystore takes them. */
  keystorePemFile: string;
}

export async function makeTestCertificates(): Promise<TestCertificates> {
  const folder = mkdtempSync(path.join(tmpdir(), 'crosscheck-tls-'));
  const file = (name: string) => path.join(folder, name);
  const openssl = (args: string[]) => run('openssl', args, { cwd: folder });
  await openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=crosscheck test CA',
  ]);
  await openssl([
    'req',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    'server.key',
    '-out',
    'server.csr',
    '-subj',
    '/CN=127.0.0.1',
  ]);
  writeFileSync(file('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
  await openssl([
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'server.crt',
    '-days',
    '1',
    '-extfile',
    'server.ext',
  ]);
  writeFileSync(
    file('server.pem'),
    `${readFileSync(file('server.key'), 'utf8')}${readFileSync(file('server.crt'), 'utf8')}`,
  );
  return {
    folder,
    caFile: file('ca.crt'),
    ca: readFileSync(file('ca.crt'), 'utf8'),
    certFile: file('server.crt'),
    keyFile: file('server.key'),
    keystorePemFile: file('server.pem'),
  };
}
