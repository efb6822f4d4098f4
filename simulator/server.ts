import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import { authenticateApiKey, selectOrg, SERVICE_ACCOUNT_CREDENTIALS, TEST_KEYS, TokenIssuer, UNAUTHORIZED_BODY, unauthorized } from "./auth";
import { addCounts, emptyCounts, runTick, type ChangeCounts, type TickReport } from "./churn";
import type { ChurnPatch } from "./churn-rates";
import { TrafficControl, type FaultKind } from "./faults";
import { HttpError, parseJsonBody, readBody, sendJson, sendNoContent } from "./http-io";
import { applyPatch, DEFAULT_OPTIONS, optionsPatchSchema, type ResolvedOptions } from "./options";
import type { OrgStore } from "./org-store";
import { compileRoutes, routeKey, type ApiRoute, type Caller, type Reply, type Route } from "./router";
import { associationRoutes } from "./routes/associations";
import { oauthRoutes } from "./routes/oauth";
import { policyRoutes } from "./routes/policies";
import { resultRoutes } from "./routes/results";
import { systemV1Routes } from "./routes/systems-v1";
import { systemGroupRoutes } from "./routes/system-groups";
import { templateRoutes } from "./routes/templates";
import { traversalRoutes } from "./routes/traversal";
import { isoTime } from "./result-factory";
import { DATA_ANCHOR_MS, seedDataset, type Dataset } from "./seed";
import { isSignatureAuthorization, verifySystemSignature } from "./signature";
import { StatsRecorder, type SimulatorStats } from "./stats";
import { systemKeyPairs, type SystemKeyPair } from "./system-keys";

export interface SimulatorOptions {
  port?: number;
  seed?: number;
  size?: Partial<{ policies: number; systems: number; systemGroups: number; policyResults: number }>;
  latencyMs?: number;
  rateLimit?: { requestsPerSecond: number } | null;
  faultRate?: number;
  faultKinds?: Array<"429" | "502" | "503" | "504" | "timeout">;
  /** Lifetime of service-account access tokens (default 3600). */
  tokenTtlSeconds?: number;
  /** How long a "timeout" fault hangs (default 30000). */
  timeoutMs?: number;
  /** "drop" (default) destroys the connection after timeoutMs; "late" answers normally after it. */
  timeoutMode?: "drop" | "late";
  /** Change per tick: "off" (default), "low", "demo", or rates (`churn-rates.ts`). */
  churn?: ChurnPatch;
  /** Simulated minutes per tick (default 60). */
  tickMinutes?: number;
  /** Advance a tick every so many milliseconds (demos); null (default) advances only on request. */
  advanceIntervalMs?: number | null;
}

export interface AdvanceReport {
  /** The current tick and simulated time after advancing. */
  tick: number;
  now: string;
  /** Each tick's changes, oldest first. */
  ticks: TickReport[];
  /** The sum over `ticks`. */
  changes: ChangeCounts;
}

/** Most ticks one call may advance (90 days of hourly ticks fit). */
export const MAX_TICKS_PER_ADVANCE = 10_000;

export interface Simulator {
  origin: string;
  keys: { singleOrg: string; multiOrg: string; readOnly: string; revoked: string };
  orgs: Array<{ id: string; name: string }>;
  serviceAccount: { clientId: string; clientSecret: string; orgId: string };
  systems: Array<{ id: string; hostname: string; orgId: string; privateKeyPem: string }>;
  setOptions(patch: Partial<SimulatorOptions>): void;
  stats(): SimulatorStats;
  resetStats(): void;
  /** Reseeds the data from the current seed and size (as POST /__simulator/reset); the clock goes back to tick 0. */
  reset(): void;
  /** Moves simulated time forward `ticks` ticks (default 1), applying the churn of each (as POST /__simulator/advance). */
  advance(ticks?: number): AdvanceReport;
  /** The current tick and simulated time. */
  clock(): { tick: number; now: string };
  close(): Promise<void>;
}

/** Systems per org enrolled with an agent key (System Context): three in the first org, one in the second. */
const KEYED_SYSTEMS_PER_ORG = [3, 1];

const advanceSchema = z.object({ ticks: z.number().int().min(1).max(MAX_TICKS_PER_ADVANCE).default(1) }).strict();

export async function startSimulator(input: SimulatorOptions = {}): Promise<Simulator> {
  let options = applyPatch(DEFAULT_OPTIONS, optionsPatchSchema.parse(input));
  const keyPairs = await systemKeyPairs(KEYED_SYSTEMS_PER_ORG.reduce((a, b) => a + b, 0));
  const keysByOrg = splitKeys(keyPairs);
  let dataset = seed(options, keysByOrg);

  const stats = new StatsRecorder();
  const traffic = new TrafficControl(options.seed, () => options);
  const tokens = new TokenIssuer(() => options.tokenTtlSeconds);
  const routes: Route[] = [
    ...policyRoutes, ...associationRoutes, ...traversalRoutes, ...resultRoutes, ...templateRoutes, ...systemV1Routes, ...systemGroupRoutes, ...oauthRoutes(tokens),
  ];
  const match = compileRoutes(routes);
  const timers = new Set<NodeJS.Timeout>();
  const wait = (ms: number) => new Promise<void>((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(() => { timers.delete(timer); resolve(); }, ms);
    timers.add(timer);
  });

  const advance = (ticks = 1): AdvanceReport => {
    if (!Number.isInteger(ticks) || ticks < 1 || ticks > MAX_TICKS_PER_ADVANCE) {
      throw new RangeError(`ticks must be a whole number from 1 to ${MAX_TICKS_PER_ADVANCE}`);
    }
    const reports: TickReport[] = [];
    const changes = emptyCounts();
    for (let i = 0; i < ticks; i++) {
      const report = runTick(dataset, options.churn, options.seed, options.tickMinutes * 60_000);
      addCounts(changes, report.changes);
      reports.push(report);
    }
    return { ...clock(), ticks: reports, changes };
  };
  const clock = () => ({ tick: dataset.clock.tick, now: isoTime(dataset.clock.nowMs) });

  let autoAdvance: NodeJS.Timeout | null = null;
  const scheduleAdvance = () => {
    if (autoAdvance) clearInterval(autoAdvance);
    autoAdvance = options.advanceIntervalMs === null ? null : setInterval(() => advance(1), options.advanceIntervalMs);
  };

  const setOptions = (patch: Partial<SimulatorOptions>) => {
    const parsed = optionsPatchSchema.parse(patch);
    const reseed = parsed.seed !== undefined || parsed.size !== undefined;
    options = applyPatch(options, parsed);
    if (parsed.seed !== undefined) traffic.reseed(options.seed);
    if (reseed) dataset = seed(options, keysByOrg);
    if (parsed.advanceIntervalMs !== undefined) scheduleAdvance();
  };
  const reset = () => {
    dataset = seed(options, keysByOrg);
    traffic.reseed(options.seed);
  };

  const info = () => ({ ...describe(origin, dataset, keyPairs, options), clock: { ...clock(), tickMinutes: options.tickMinutes, anchor: isoTime(DATA_ANCHOR_MS) } });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://simulator.local");
    if (url.pathname.startsWith("/__simulator/")) return handleControl(req, res, url.pathname);
    const found = match(req.method ?? "GET", url.pathname);
    const route = found && "route" in found ? found.route : null;
    const end = stats.begin(route ? routeKey(route) : `${req.method} (unmatched)`);
    res.on("close", end);

    await wait(options.latencyMs);
    const decision = traffic.decide(Date.now());
    if (decision.kind === "rateLimited") {
      stats.recordRateLimited();
      return sendJson(res, 429, { message: "Too Many Requests" }, { "retry-after": String(decision.retryAfterSeconds) });
    }
    if (decision.kind === "fault") {
      stats.recordFault();
      const answered = await injectFault(decision.fault, req, res);
      if (answered) return;
    }
    if (!found) return sendJson(res, 404, { code: 404, message: "Not Found" });
    if ("allowed" in found) return sendJson(res, 405, { code: 405, message: "Method Not Allowed" }, { allow: found.allowed.join(", ") });
    const reply = found.route.kind === "public"
      ? found.route.handle({ headers: req.headers, rawBody: await readBody(req) })
      : await handleApi(found.route, found.params, req, url);
    sendReply(res, reply);
  }

  async function handleApi(route: ApiRoute, params: Record<string, string>, req: IncomingMessage, url: URL): Promise<Reply> {
    const { org, caller } = authorize(route, req, url);
    if (caller.kind === "admin" && caller.principal.readOnly && route.method !== "GET") {
      throw new HttpError(403, { code: 403, message: "Forbidden: this API key is read-only" });
    }
    const body = route.method === "POST" || route.method === "PUT" ? parseJsonBody(await readBody(req)) : undefined;
    return route.handle({ params, query: url.searchParams, body, headers: req.headers, org, caller, nowMs: dataset.clock.nowMs });
  }

  function authorize(route: ApiRoute, req: IncomingMessage, url: URL): { org: OrgStore; caller: Caller } {
    const apiKey = header(req, "x-api-key");
    const authorization = header(req, "authorization");
    if (apiKey !== undefined || /^Bearer\s/i.test(authorization ?? "")) {
      const principal = apiKey !== undefined ? authenticateApiKey(apiKey) : tokens.authenticate((authorization ?? "").replace(/^Bearer\s+/i, ""));
      const orgIndex = selectOrg(principal, dataset.orgs.map((o) => o.orgId), header(req, "x-org-id"));
      return { org: dataset.orgs[orgIndex] as OrgStore, caller: { kind: "admin", principal } };
    }
    if (isSignatureAuthorization(authorization)) {
      // api-notes 3: none of the policy operations accept System Context.
      if (!route.systemContext) throw unauthorized("System Context authorization is not accepted on this endpoint");
      const systemId = verifySystemSignature(
        { method: route.method, pathWithQuery: req.url ?? url.pathname, authorization: authorization ?? "", date: header(req, "date") },
        (id) => dataset.orgs.map((o) => o.system(id)?.publicKeyPem).find((k) => k) ?? null,
        Date.now(),
      );
      const org = dataset.orgs.find((o) => o.system(systemId)) as OrgStore;
      return { org, caller: { kind: "system", systemId } };
    }
    throw new HttpError(401, UNAUTHORIZED_BODY);
  }

  /** Returns true when the fault answered (or dropped) the request; "late" timeouts go on to answer normally. */
  async function injectFault(fault: FaultKind, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    switch (fault) {
      case "429":
        sendJson(res, 429, { message: "Too Many Requests" }, { "retry-after": "1" });
        return true;
      case "502":
      case "504": {
        // Gateways answer in HTML, so clients must not assume a JSON error body.
        const title = fault === "502" ? "502 Bad Gateway" : "504 Gateway Time-out";
        const html = `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>`;
        res.writeHead(Number(fault), { "content-type": "text/html", "content-length": Buffer.byteLength(html) });
        res.end(html);
        return true;
      }
      case "503":
        sendJson(res, 503, { message: "Service Unavailable" });
        return true;
      case "timeout":
        await wait(options.timeoutMs);
        if (options.timeoutMode === "late" && !req.destroyed) return false;
        req.socket.destroy();
        return true;
    }
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
    const route = `${req.method} ${pathname}`;
    if (route === "GET /__simulator/info") return sendJson(res, 200, info());
    if (route === "GET /__simulator/stats") return sendJson(res, 200, stats.snapshot());
    if (route === "POST /__simulator/stats/reset") { stats.reset(); return sendNoContent(res); }
    if (route === "POST /__simulator/reset") { reset(); return sendJson(res, 200, info()); }
    if (route === "POST /__simulator/options") {
      const raw = await readBody(req);
      const parsed = optionsPatchSchema.safeParse(raw.trim() === "" ? {} : parseJsonBody(raw));
      if (!parsed.success || parsed.data.port !== undefined) {
        return sendJson(res, 400, { code: 400, message: parsed.success ? "port cannot change at run time" : parsed.error.message });
      }
      try {
        setOptions(parsed.data);
      } catch (error) {
        if (error instanceof RangeError) return sendJson(res, 400, { code: 400, message: error.message });
        throw error;
      }
      return sendJson(res, 200, options);
    }
    if (route === "POST /__simulator/advance") {
      const raw = await readBody(req);
      const parsed = advanceSchema.safeParse(raw.trim() === "" ? {} : parseJsonBody(raw));
      if (!parsed.success) return sendJson(res, 400, { code: 400, message: `Send {"ticks": n} with n from 1 to ${MAX_TICKS_PER_ADVANCE}: ${parsed.error.issues.map((i) => i.message).join("; ")}` });
      return sendJson(res, 200, advance(parsed.data.ticks));
    }
    return sendJson(res, 404, { code: 404, message: "Not Found" });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      if (error instanceof HttpError) return sendJson(res, error.status, error.body, error.headers);
      sendJson(res, 500, { code: 500, message: "Internal Server Error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  scheduleAdvance();
  let closing: Promise<void> | undefined;

  return {
    origin,
    keys: { ...TEST_KEYS },
    get orgs() { return info().orgs; },
    get serviceAccount() { return info().serviceAccount; },
    get systems() { return info().systems; },
    setOptions,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    reset,
    advance,
    clock,
    close: () => (closing ??= new Promise<void>((resolve, reject) => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      if (autoAdvance) clearInterval(autoAdvance);
      autoAdvance = null;
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeAllConnections();
    })),
  };
}

function splitKeys(keyPairs: SystemKeyPair[]): string[][] {
  let offset = 0;
  return KEYED_SYSTEMS_PER_ORG.map((count) => {
    const keys = keyPairs.slice(offset, offset + count).map((k) => k.publicKeyPem);
    offset += count;
    return keys;
  });
}

function seed(options: ResolvedOptions, systemKeys: string[][]): Dataset {
  return seedDataset({ seed: options.seed, size: options.size, systemKeys });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendReply(res: ServerResponse, reply: Reply): void {
  if (reply.status === 204) return sendNoContent(res, reply.headers);
  sendJson(res, reply.status, reply.body, reply.headers);
}

/** The facts served at GET /__simulator/info (a test tool, so it includes the systems' private keys). */
function describe(origin: string, dataset: Dataset, keyPairs: SystemKeyPair[], options: ResolvedOptions) {
  const orgs = dataset.orgs.map((o) => ({ id: o.orgId, name: o.orgName }));
  const privateKeys = new Map(keyPairs.map((k) => [k.publicKeyPem, k.privateKeyPem]));
  const systems = dataset.orgs.flatMap((org) =>
    org.systems
      .filter((s) => s.publicKeyPem !== null)
      .map((s) => ({ id: s.id, hostname: s.hostname, orgId: org.orgId, privateKeyPem: privateKeys.get(s.publicKeyPem ?? "") ?? "" })),
  );
  return {
    origin,
    keys: { ...TEST_KEYS },
    orgs,
    serviceAccount: { ...SERVICE_ACCOUNT_CREDENTIALS, orgId: orgs[0]?.id ?? "" },
    systems,
    options: options,
  };
}
