import { createHash, createPublicKey, generateKeyPair } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * RSA key pairs for key-pair (JWT) authentication tests, made the way Snowflake's guide makes
 * them with openssl: 2048-bit RSA, the private key as PKCS#8 PEM (encrypted when a passphrase
 * is given), the public key as SPKI PEM.
 */

export type TestKeyPair = {
  dir: string;
  privateKeyPath: string;
  privateKeyPem: string;
  publicKeyPem: string;
  passphrase: string | undefined;
  /** `SHA256:<base64>` of the DER public key, as Snowflake shows in RSA_PUBLIC_KEY_FP. */
  fingerprint: string;
  remove(): Promise<void>;
};

const generate = promisify(generateKeyPair);

export async function generateTestKeyPair(
  options: { passphrase?: string } = {},
): Promise<TestKeyPair> {
  const { passphrase } = options;
  const { privateKey, publicKey } = await generate('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: passphrase
      ? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }
      : { type: 'pkcs8', format: 'pem' },
  });

  const dir = await mkdtemp(join(tmpdir(), 'upsignal-snowflake-key-'));
  const privateKeyPath = join(dir, 'rsa_key.p8');
  await writeFile(privateKeyPath, privateKey, { mode: 0o600 });
  await chmod(privateKeyPath, 0o600);

  return {
    dir,
    privateKeyPath,
    privateKeyPem: privateKey,
    publicKeyPem: publicKey,
    passphrase,
    fingerprint: publicKeyFingerprint(publicKey),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export function publicKeyFingerprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return `SHA256:${createHash('sha256').update(der).digest('base64')}`;
}
