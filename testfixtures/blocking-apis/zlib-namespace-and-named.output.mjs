import zlib from 'node:zlib';
import { gunzipSync } from 'node:zlib';
import { promisify } from 'node:util';
const gzipAsync = promisify(zlib.gzip);
const brotliCompressAsync = promisify(zlib.brotliCompress);
const gunzipAsync = promisify(zlib.gunzip);
const inflateAsync = promisify(zlib.inflate);
const deflateAsync = promisify(zlib.deflate);

export async function roundTrip(text) {
  const packed = await gzipAsync(text, { level: 9 });
  const size = (await brotliCompressAsync(text)).byteLength;
  const again = await gunzipAsync(await gzipAsync(packed));
  return { packed, size, text: (await inflateAsync(await deflateAsync(text))).toString(), again };
}

export function keepsGunzip(buffer) {
  return gunzipSync(buffer);
}
