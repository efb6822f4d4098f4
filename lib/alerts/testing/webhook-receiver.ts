// A webhook receiver for tests: an HTTP server on 127.0.0.1 that verifies each request's Standard Webhooks
// signature with the `standardwebhooks` library, answers with the next scripted status, and records everything.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface Receipt {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  verified: boolean;
  answered: number;
}

export interface WebhookReceiver {
  origin: string;
  url: string;
  receipts: Receipt[];
  /** Receipts that were verified and answered 2xx: what the receiver accepted. */
  accepted(): Receipt[];
  /** The statuses to answer, in order; after the list, 200. */
  script(statuses: number[]): void;
  setSecret(secret: string): void;
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: { port?: number; path?: string } = {}): Promise<WebhookReceiver> {
  const receipts: Receipt[] = [];
  let statuses: number[] = [];
  let secret: string | undefined;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const header = (name: string) => String(request.headers[name] ?? "");
      let verified = false;
      if (secret) {
        try {
          new Webhook(secret).verify(body, { "webhook-id": header("webhook-id"), "webhook-timestamp": header("webhook-timestamp"), "webhook-signature": header("webhook-signature") });
          verified = true;
        } catch {
          verified = false;
        }
      }
      const answered = verified ? (statuses.shift() ?? 200) : 401;
      receipts.push({ id: header("webhook-id"), timestamp: header("webhook-timestamp"), signature: header("webhook-signature"), body, verified, answered });
      response.writeHead(answered, { "content-type": "text/plain" }).end(answered >= 400 ? `receiver says ${answered}` : "ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: `${origin}${options.path ?? "/hook"}`,
    receipts,
    accepted: () => receipts.filter((receipt) => receipt.verified && receipt.answered < 300),
    script: (list) => (statuses = [...list]),
    setSecret: (value) => (secret = value),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
