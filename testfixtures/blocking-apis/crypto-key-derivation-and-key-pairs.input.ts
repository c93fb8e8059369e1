import { generateKeyPairSync, pbkdf2Sync, randomFillSync, scryptSync } from 'crypto';
import crypto from 'crypto';

export async function secrets(password: string) {
  const salt = randomFillSync(Buffer.alloc(16));
  const derived = pbkdf2Sync(password, salt, 10000, 32, 'sha256');
  const scrypted = scryptSync(password, salt, 64, { N: 1024 });
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const hkdf = Buffer.from(crypto.hkdfSync('sha256', derived, salt, 'info', 32));
  const key = crypto.generateKeySync('hmac', { length: 64 });
  return { derived: derived.toString('hex'), scrypted, publicKey: publicKey.type, privateKey: privateKey.type, hkdf, key: key.symmetricKeySize };
}
