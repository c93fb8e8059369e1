import { generatePrimeSync } from 'node:crypto';

export async function primes(bits) {
  return generatePrimeSync(bits, { bigint: true });
}
