// System Context signing (HTTP Signatures, draft-cavage-00): RSA-SHA256 (PKCS#1 v1.5) over the request-line and
// the date header. Uses WebCrypto, so the same module runs in Node and in the browser bundle of the registry.
import { JumpCloudError } from "./errors";

export function stringToSign(method: string, pathWithQuery: string, date: string): string {
  return `${method} ${pathWithQuery} HTTP/1.1\ndate: ${date}`;
}

export function signatureAuthorization(systemId: string, signature: string): string {
  return `Signature keyId="system/${systemId}",headers="request-line date",algorithm="rsa-sha256",signature="${signature}"`;
}

function unreadableKey(): JumpCloudError {
  return new JumpCloudError({
    kind: "authenticationFailed",
    message: "The System Context private key could not be read: paste the PEM RSA private key of the system (client.key).",
    authType: "systemContext",
  });
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n >>= 8) bytes.unshift(n & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** The agent's client.key is PKCS#1 ("RSA PRIVATE KEY"); WebCrypto only imports PKCS#8, so wrap it. */
function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array {
  const version = [0x02, 0x01, 0x00];
  const rsaAlgorithm = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
  const octet = [0x04, ...derLength(pkcs1.length)];
  const inner = version.length + rsaAlgorithm.length + octet.length + pkcs1.length;
  const head = [0x30, ...derLength(inner), ...version, ...rsaAlgorithm, ...octet];
  const out = new Uint8Array(head.length + pkcs1.length);
  out.set(head, 0);
  out.set(pkcs1, head.length);
  return out;
}

export async function importSigningKey(privateKeyPem: string): Promise<CryptoKey> {
  const match = /-----BEGIN (RSA )?PRIVATE KEY-----([\s\S]+?)-----END (RSA )?PRIVATE KEY-----/.exec(privateKeyPem);
  if (!match?.[2]) throw unreadableKey();
  let der: Uint8Array;
  try {
    der = Uint8Array.from(atob(match[2].replace(/\s+/g, "")), (c) => c.charCodeAt(0));
  } catch {
    throw unreadableKey();
  }
  const pkcs8 = match[1] ? pkcs1ToPkcs8(der) : der;
  try {
    return await crypto.subtle.importKey("pkcs8", pkcs8 as BufferSource, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
  } catch {
    throw unreadableKey();
  }
}

export async function signString(key: CryptoKey, text: string): Promise<string> {
  const signature = new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new TextEncoder().encode(text)));
  let binary = "";
  for (const byte of signature) binary += String.fromCharCode(byte);
  return btoa(binary);
}
