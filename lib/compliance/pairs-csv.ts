// Pairs as CSV, streamed page by page so an export of every pair never sits in memory at once.
import "server-only";
import { listPairs, type PairQuery, type PairRow } from "./compliance-queries";

const COLUMNS: Array<[string, (row: PairRow) => string | null]> = [
  ["monitorId", (r) => r.monitorId],
  ["policyId", (r) => r.policyId],
  ["policyName", (r) => r.policyName],
  ["systemId", (r) => r.systemId],
  ["hostname", (r) => r.hostname],
  ["state", (r) => r.state],
  ["since", (r) => r.since],
  ["failingSince", (r) => r.failingSince],
  ["detail", (r) => r.detail],
  ["resultAt", (r) => r.resultAt],
];
const PAGE = 1000;

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed with ' so a spreadsheet never runs it as a formula. */
export function csvField(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(row: PairRow): string {
  return `${COLUMNS.map(([, read]) => csvField(read(row))).join(",")}\r\n`;
}

export function pairsCsvStream(query: Omit<PairQuery, "limit" | "after">, signal?: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${COLUMNS.map(([name]) => name).join(",")}\r\n`));
      }
      if (signal?.aborted) return controller.close();
      const page = await listPairs({ ...query, limit: PAGE, ...(after ? { after } : {}) });
      if (page.pairs.length > 0) controller.enqueue(encoder.encode(page.pairs.map(csvLine).join("")));
      if (!page.next) return controller.close();
      after = page.next;
    },
  });
}

/**
 * `compliance-<what>-<snapshot time>.csv`: the time of the data (the latest snapshot, or the instant asked for), so
 * two exports of the same snapshot carry the same name. Names are reduced to a safe slug.
 */
export function csvFileName(what: string, snapshotTime: Date | string | null): string {
  const slug = what.normalize("NFKD").replace(/[^\w-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "").slice(0, 60).toLowerCase() || "export";
  const stamp = snapshotTime ? new Date(snapshotTime).toISOString().slice(0, 16).replace(/[:T]/g, "-") : "no-snapshot";
  return `compliance-${slug}-${stamp}.csv`;
}

export function csvResponse(stream: ReadableStream<Uint8Array>, fileName: string): Response {
  return new Response(stream, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, "Cache-Control": "no-store" },
  });
}
