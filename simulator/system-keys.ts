import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";

export interface SystemKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

const generate = promisify(generateKeyPair);

/**
 * RSA-2048 agent keys for the systems that can use System Context. Node cannot derive RSA keys from a seed,
 * so keys are made once per process (in parallel, ~100 ms each) and reused by every simulator it starts.
 */
const pool: Array<Promise<SystemKeyPair>> = [];

export function systemKeyPairs(count: number): Promise<SystemKeyPair[]> {
  while (pool.length < count) {
    pool.push(
      generate("rsa", {
        modulusLength: 2048,
        publicKeyEncoding: { type: "spki", format: "pem" },
        privateKeyEncoding: { type: "pkcs1", format: "pem" },
      }).then(({ publicKey, privateKey }) => ({ publicKeyPem: publicKey, privateKeyPem: privateKey })),
    );
  }
  return Promise.all(pool.slice(0, count));
}
