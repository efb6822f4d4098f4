// One webhook attempt: POST the body with its headers, no redirects (a redirect could lead past the outbound
// guard), a hard timeout, and only the first bytes of the answer kept for the delivery log.
import "server-only";
import http from "node:http";
import https from "node:https";
import { OUTBOUND_USER_AGENT } from "@/lib/credentials/outbound-user-agent";
import { guardedLookup } from "./destination-url";

export interface AttemptResult {
  /** The response's status, or null when none came (refused address, connection error, timeout). */
  statusCode: number | null;
  durationMs: number;
  ok: boolean;
  /** What went wrong, short, for the log: never a header or secret of ours. */
  error?: string;
}

const RESPONSE_EXCERPT_BYTES = 300;

export function postWebhook(url: string, body: string, headers: Readonly<Record<string, string>>, timeoutMs: number): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Omit<AttemptResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed() });
    };
    const target = new URL(url);
    const transport = target.protocol === "https:" ? https : http;
    const request = transport.request(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": OUTBOUND_USER_AGENT, "content-length": Buffer.byteLength(body), ...headers },
        lookup: guardedLookup(target.origin),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          if (kept < RESPONSE_EXCERPT_BYTES) chunks.push(chunk.subarray(0, RESPONSE_EXCERPT_BYTES - kept));
          kept += chunk.length;
        });
        const done = () => {
          const ok = status >= 200 && status < 300;
          const excerpt = Buffer.concat(chunks).toString("utf8").replace(/\s+/g, " ").trim();
          const redirect = status >= 300 && status < 400 ? ` (redirects are not followed; use the final URL)` : "";
          finish({ statusCode: status, ok, ...(ok ? {} : { error: `HTTP ${status}${redirect}${excerpt ? `: ${excerpt}` : ""}` }) });
        };
        response.on("end", done);
        response.on("error", done);
        response.on("close", done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      finish({ statusCode: null, ok: false, error: error.message || error.code || "connection failed" });
    });
    request.end(body);
  });
}
