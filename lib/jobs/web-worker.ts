// The worker inside the web process (`npm start`), started from instrumentation.ts. Off with WORKER_IN_WEB=false
// (web-only processes, with `npm run worker` elsewhere); never during `next build`.
import "server-only";
import { env } from "@/lib/env";
import { startWorker, type RunningWorker } from "./worker";

const RETRY_MS = 30_000;

export function startWorkerInWeb(): void {
  const { WORKER_IN_WEB, NEXT_PHASE, DATABASE_URL } = env();
  if (NEXT_PHASE === "phase-production-build" || !DATABASE_URL) return;
  if (!WORKER_IN_WEB) {
    console.log("[worker] WORKER_IN_WEB=false: this process serves requests only; run `npm run worker` for schedules and snapshots");
    return;
  }
  let worker: RunningWorker | undefined;
  let stopping = false;
  const start = () => {
    startWorker()
      .then((started) => {
        worker = started;
        if (stopping) void started.stop();
      })
      .catch((error: unknown) => {
        // The web app keeps serving; the worker tries again (e.g. the database was still starting).
        console.error(`[worker] could not start: ${error instanceof Error ? error.message : String(error)}; retrying in ${RETRY_MS / 1000} s`);
        if (!stopping) setTimeout(start, RETRY_MS).unref();
      });
  };
  start();
  // Next.js closes the HTTP server on these signals and then exits; the worker hands its running jobs back in
  // the meantime (and if the exit comes first, their leases lapse and another worker retries them).
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      stopping = true;
      void worker?.stop().catch((error: unknown) => console.error(`[worker] stopping failed: ${error instanceof Error ? error.message : String(error)}`));
    });
  }
}
