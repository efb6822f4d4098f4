// The HTTP API's own cost: POST /api/v1/nodes/execute for a single `policy get` against the same request sent
// straight to the simulator, in one run, and the throughput of 16 concurrent engines. Starts its own simulator,
// database and production server (`next build` must have run). Run by `npm run bench`.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { generateApiToken } from "../lib/api-tokens/api-token-format";
import { loadKeyring } from "../lib/crypto/keyring";
import { seal } from "../lib/crypto/secret-box";
import { createTestDatabase } from "../lib/database/test-database";
import { startSimulator } from "../simulator/server";
import { BENCH_ENCRYPTION_KEY } from "./support";

const ITERATIONS = 1000;
const WARMUP = 200;
const CONCURRENCY = 16;
const THROUGHPUT_SECONDS = 20;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const round = (value: number) => Math.round(value * 100) / 100;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once("error", reject);
  });
}

async function waitForHealth(origin: string, app: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode}`);
    const ok = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the app did not become healthy in 60 s");
}

/** An owner, an API token and a sealed API-key credential, written the way the app's own code writes them. */
async function seed(url: string, simulatorOrigin: string, apiKey: string): Promise<{ token: string; credentialId: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const userId = randomUUID();
    await client.query(`insert into "User" (id, email, name, "passwordHash", role, "updatedAt") values ($1, 'bench@example.com', 'Bench Owner', 'x', 'owner', now())`, [userId]);
    const { token, hash, prefix } = generateApiToken();
    await client.query(`insert into "ApiToken" (id, name, "tokenHash", prefix, scopes, "userId") values ($1, 'bench', $2, $3, $4, $5)`, [randomUUID(), hash, prefix, ["nodes:run"], userId]);
    const credentialId = randomUUID();
    const keyring = loadKeyring({ env: { CREDENTIALS_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY } });
    const envelope = seal({ apiKey }, { keyring, aad: { credentialId, service: "jumpcloud" } });
    await client.query(
      `insert into "Credential" (id, name, service, "authType", settings, "secretEnvelope", "keyId", "updatedAt") values ($1, 'Bench', 'jumpcloud', 'apiKey', $2, $3, $4, now())`,
      [credentialId, JSON.stringify({ region: "us", baseUrl: simulatorOrigin }), envelope, keyring.primaryKeyId],
    );
    return { token, credentialId };
  } finally {
    await client.end();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const simulator = await startSimulator({ port: 0, seed: 1 });
  const database = await createTestDatabase("bench");
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: "bench-only-auth-secret-0123456789abcdef0123456789",
      CREDENTIALS_ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY,
      JUMPCLOUD_ALLOWED_ORIGINS: simulator.origin,
      // The throughput below is the API's own: one credential's request budget (50 a second by default) would
      // otherwise be what it measures.
      JUMPCLOUD_REQUESTS_PER_SECOND: "10000",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(origin, app);
    const { token } = await seed(database.url, simulator.origin, simulator.keys.singleOrg);
    const policies = (await (await fetch(`${simulator.origin}/api/v2/policies?limit=1`, { headers: { "x-api-key": simulator.keys.singleOrg } })).json()) as Array<{ id: string }>;
    const policyId = policies[0]!.id;
    const body = JSON.stringify({ node: { integration_service: "jumpcloud", resource: "policy", operation: "get", parameters: { policyId }, credential: "Bench" } });
    const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
    const viaApi = async () => {
      const response = await fetch(`${origin}/api/v1/nodes/execute`, { method: "POST", headers, body });
      await response.arrayBuffer();
      return response.ok;
    };
    const direct = async () => {
      const response = await fetch(`${simulator.origin}/api/v2/policies/${policyId}`, { headers: { "x-api-key": simulator.keys.singleOrg, Accept: "application/json" } });
      await response.arrayBuffer();
      return response.ok;
    };
    const preview = async () => {
      const response = await fetch(`${origin}/api/v1/nodes/preview`, { method: "POST", headers, body });
      await response.arrayBuffer();
      return response.ok;
    };
    const health = async () => (await fetch(`${origin}/api/health`)).ok;

    for (let i = 0; i < WARMUP; i += 1) {
      if (!(await viaApi()) || !(await direct())) throw new Error("warm-up request failed");
    }
    // Interleaved, so both see the same machine load.
    const timings = { api: [] as number[], direct: [] as number[], preview: [] as number[], health: [] as number[] };
    for (let i = 0; i < ITERATIONS; i += 1) {
      for (const [name, call] of [["api", viaApi], ["direct", direct], ["preview", preview], ["health", health]] as const) {
        const started = performance.now();
        await call();
        timings[name].push(performance.now() - started);
      }
    }
    const stat = (values: number[]) => ({ medianMs: round(percentile(values, 50)), p99Ms: round(percentile(values, 99)) });

    let ok = 0;
    let failed = 0;
    const deadline = performance.now() + THROUGHPUT_SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (performance.now() < deadline) {
          if (await viaApi().catch(() => false)) ok += 1;
          else failed += 1;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;

    return {
      iterations: ITERATIONS,
      executeViaApi: stat(timings.api),
      directToSimulator: stat(timings.direct),
      overhead: {
        medianMs: round(percentile(timings.api, 50) - percentile(timings.direct, 50)),
        p99Ms: round(percentile(timings.api, 99) - percentile(timings.direct, 99)),
      },
      // Where the time goes: preview = token lookup + parse + resolve + credential descriptor (no decrypt, no
      // JumpCloud, no writes); health = one database round trip through the same server.
      previewViaApi: stat(timings.preview),
      healthRoundTrip: stat(timings.health),
      throughput: {
        concurrency: CONCURRENCY,
        seconds: round(elapsed),
        requestsPerSecond: round(ok / elapsed),
        errors: failed,
        errorRate: round(failed / Math.max(1, ok + failed)),
      },
    };
  } finally {
    app.kill("SIGTERM");
    await new Promise((resolve) => (app.exitCode === null ? app.once("exit", resolve) : resolve(undefined)));
    await simulator.close();
    await database.drop();
  }
}
