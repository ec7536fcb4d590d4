// Name-based UUIDs (RFC 9562 version 5): the same account always gets the same profile identifiers.
import { createHash } from 'node:crypto';

/** Mail Setup's own namespace for name-based UUIDs (a random UUID chosen once; never change it). */
export const mailSetupNamespace = '5b0e8f7c-3d4a-4e21-9c6f-2a7d1e9b4c80';

/** The version-5 UUID of `name` in `namespace`, upper case as Apple's tools write them. */
export function uuidV5(name: string, namespace: string = mailSetupNamespace): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
