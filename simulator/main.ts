import { CHURN_PRESET_NAMES, type ChurnPresetName } from "./churn-rates";
import { optionsPatchSchema } from "./options";
import { startSimulator, type SimulatorOptions } from "./server";

/**
 * `npm run simulator`. SIMULATOR_PORT (default 4010), SIMULATOR_SEED (default 1), SIMULATOR_CHURN (off | low |
 * demo, default off), SIMULATOR_ADVANCE_MS (a tick every so many ms; default 10000 when churn is on, 0 = only
 * on POST /__simulator/advance), SIMULATOR_TICK_MINUTES (simulated minutes per tick, default 60).
 */
function optionsFromEnv(env: NodeJS.ProcessEnv): SimulatorOptions {
  const number = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === "") return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value)) fail(`${name}=${raw} is not a number`);
    return value;
  };
  const churn = (env.SIMULATOR_CHURN ?? "off") as ChurnPresetName;
  if (!CHURN_PRESET_NAMES.includes(churn)) fail(`SIMULATOR_CHURN=${churn} is not one of ${CHURN_PRESET_NAMES.join(", ")}`);
  const advanceMs = number("SIMULATOR_ADVANCE_MS", churn === "off" ? 0 : 10_000);
  const options = {
    port: number("SIMULATOR_PORT", 4010),
    seed: number("SIMULATOR_SEED", 1),
    churn,
    tickMinutes: number("SIMULATOR_TICK_MINUTES", 60),
    advanceIntervalMs: advanceMs === 0 ? null : advanceMs,
  };
  const parsed = optionsPatchSchema.safeParse(options);
  if (!parsed.success) {
    const names: Record<string, string> = { port: "SIMULATOR_PORT", seed: "SIMULATOR_SEED", tickMinutes: "SIMULATOR_TICK_MINUTES", advanceIntervalMs: "SIMULATOR_ADVANCE_MS" };
    fail(parsed.error.issues.map((i) => `${names[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join("; "));
  }
  return options;
}

function fail(message: string): never {
  console.error(`simulator: ${message}`);
  process.exit(1);
}

const options = optionsFromEnv(process.env);
const simulator = await startSimulator(options);
const clock = simulator.clock();

console.log(`JumpCloud simulator listening on ${simulator.origin}
  v2 API:        ${simulator.origin}/api/v2      v1 API: ${simulator.origin}/api
  token:         POST ${simulator.origin}/oauth2/token
  facts:         GET  ${simulator.origin}/__simulator/info (orgs, system ids and their private keys, clock)
  knobs:         POST ${simulator.origin}/__simulator/options   reseed: POST ${simulator.origin}/__simulator/reset
  time:          tick ${clock.tick} at ${clock.now}; churn ${options.churn}, ${options.tickMinutes} simulated min per tick, ${
    options.advanceIntervalMs === null ? `advance with POST ${simulator.origin}/__simulator/advance {"ticks": n}` : `a tick every ${options.advanceIntervalMs} ms`}
Test API keys (x-api-key):
  single org:    ${simulator.keys.singleOrg}   (org ${simulator.orgs[0]?.id})
  multi org:     ${simulator.keys.multiOrg}   (needs x-org-id: ${simulator.orgs.map((o) => o.id).join(" or ")})
  read only:     ${simulator.keys.readOnly}
  revoked:       ${simulator.keys.revoked}
Service account: client_id ${simulator.serviceAccount.clientId}  client_secret ${simulator.serviceAccount.clientSecret}`);

const stop = () => void simulator.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
