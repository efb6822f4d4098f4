// A second `next start` on the suite's database, for tests that prove state is shared between processes.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import config from "../playwright.config";

const ROOT = path.resolve(import.meta.dirname, "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface SecondServer {
  baseURL: string;
  stop(): Promise<void>;
}

/** Starts another app process with the suite's configuration and waits until it answers its health probe. */
export async function startSecondServer(): Promise<SecondServer> {
  const servers = config.webServer as Array<{ command: string; env?: Record<string, string> }>;
  const app = servers.find((server) => server.command.includes("next start"))!;
  const port = await freePort();
  // The suite's own output capture stays with the first server.
  const { NODE_OPTIONS: _capture, APP_OUTPUT_FILE: _file, ...env } = app.env ?? {};
  const child: ChildProcess = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the second app server exited with code ${child.exitCode}`);
    const healthy = await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false);
    if (healthy) return { baseURL, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the second app server did not answer /api/health within 90 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
