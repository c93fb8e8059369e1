import zlib from 'node:zlib';
import { brotliCompressSync, gunzipSync } from 'node:zlib';

export async function roundTrip(text) {
  const packed = zlib.gzipSync(text, { level: 9 });
  const size = brotliCompressSync(text).byteLength;
  const again = gunzipSync(zlib.gzipSync(packed));
  return { packed, size, text: zlib.inflateSync(zlib.deflateSync(text)).toString(), again };
}

export function keepsGunzip(buffer) {
  return gunzipSync(buffer);
}
