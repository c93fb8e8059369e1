import { generatePrime } from 'node:crypto';
import { promisify } from 'node:util';
const generatePrimeAsync = promisify(generatePrime);

export async function primes(bits) {
  return await generatePrimeAsync(bits, { bigint: true });
}
