import { NextResponse } from "next/server";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability for load balancers; no auth, no secrets, no versions of anything. */
export async function GET() {
  const started = performance.now();
  let database: { status: "up" | "down"; latencyMs?: number } = { status: "down" };
  try {
    await db.$queryRaw`select 1`;
    database = { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch {
    // The reason may name hosts or users; the status alone is enough for a probe.
  }
  const status = database.status === "up" ? "ok" : "degraded";
  return NextResponse.json({ status, app: "up", database }, { status: status === "ok" ? 200 : 503 });
}
