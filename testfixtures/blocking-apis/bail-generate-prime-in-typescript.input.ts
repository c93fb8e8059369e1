import { generatePrimeSync } from 'crypto';

export async function primes(bits: number): Promise<ArrayBuffer> {
  return generatePrimeSync(bits);
}
