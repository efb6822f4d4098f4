// Runs once when a server process starts, before it serves a request.
export async function register() {
  // NEXT_RUNTIME is fixed at build time (not configuration): only the Node.js server has sockets to stamp, and only
  // it runs the job worker (off with WORKER_IN_WEB=false; never during `next build`).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { stampPeerAddresses } = await import("@/lib/auth/peer-address");
    stampPeerAddresses();
    const { startWorkerInWeb } = await import("@/lib/jobs/web-worker");
    startWorkerInWeb();
  }
}
