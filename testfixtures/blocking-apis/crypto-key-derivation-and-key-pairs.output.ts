import crypto from 'crypto';
import { promisify } from 'util';
const randomFillAsync = promisify(crypto.randomFill) as <T extends NodeJS.ArrayBufferView>(buffer: T, offset?: number, size?: number) => Promise<T>;
const pbkdf2Async = promisify(crypto.pbkdf2);
const scryptAsync = promisify(crypto.scrypt) as (password: import('crypto').BinaryLike, salt: import('crypto').BinaryLike, keylen: number, options?: import('crypto').ScryptOptions) => Promise<Buffer>;
const generateKeyPairAsync = promisify(crypto.generateKeyPair);
const hkdfAsync = promisify(crypto.hkdf);
const generateKeyAsync = promisify(crypto.generateKey);

export async function secrets(password: string) {
  const salt = await randomFillAsync(Buffer.alloc(16));
  const derived = await pbkdf2Async(password, salt, 10000, 32, 'sha256');
  const scrypted = await scryptAsync(password, salt, 64, { N: 1024 });
  const { publicKey, privateKey } = await generateKeyPairAsync('ed25519');
  const hkdf = Buffer.from(await hkdfAsync('sha256', derived, salt, 'info', 32));
  const key = await generateKeyAsync('hmac', { length: 64 });
  return { derived: derived.toString('hex'), scrypted, publicKey: publicKey.type, privateKey: privateKey.type, hkdf, key: key.symmetricKeySize };
}
