// Worker processes for the job tests: `scripts/worker.ts` as `npm run worker` starts it, against the test database
// and a simulator, with short intervals so the tests wait on state for seconds rather than minutes.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface WorkerProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

export const FAST_JOB_SETTINGS = {
  JOBS_CRON_CHECK_SECONDS: "1",
  JOBS_POLL_INTERVAL_SECONDS: "0.5",
  JOBS_LEASE_SECONDS: "3",
  JOBS_RETRY_DELAY_SECONDS: "1",
};

export function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    // The child gets the whole environment (PATH, the test key), with the job settings on top.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, ...FAST_JOB_SETTINGS, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return new Promise((resolve, reject) => {
    const check = () => {
      if (/\[worker\] \S+ started/.test(output)) {
        child.stdout!.off("data", check);
        resolve({ child, pid: child.pid!, output: () => output, exited });
      }
    };
    child.stdout!.on("data", check);
    void exited.then((code) => reject(new Error(`worker exited (${code}) before it started:\n${output}`)));
  });
}

/** Polls `read` until `done` holds; the test's own timeout bounds the wait. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, everyMs = 200): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
