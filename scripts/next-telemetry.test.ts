import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { applyNextTelemetrySetting } from "./next-telemetry";

const saved = process.env.NEXT_TELEMETRY_DISABLED;
afterEach(() => {
  if (saved === undefined) delete process.env.NEXT_TELEMETRY_DISABLED;
  else process.env.NEXT_TELEMETRY_DISABLED = saved;
  resetEnvCache();
});

function applied(setting: string | undefined): NodeJS.ProcessEnv {
  if (setting === undefined) delete process.env.NEXT_TELEMETRY_DISABLED;
  else process.env.NEXT_TELEMETRY_DISABLED = setting;
  resetEnvCache();
  const target: NodeJS.ProcessEnv = { ...process.env };
  applyNextTelemetrySetting(target);
  return target;
}

describe("Next.js telemetry for npm start and npm test", () => {
  it("is off by default, as next itself reports", () => {
    const target = applied(undefined);
    expect(target.NEXT_TELEMETRY_DISABLED).toBe("1");
    const status = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "telemetry", "status"], { env: target, encoding: "utf8" });
    expect(status.stdout).toMatch(/Status: Disabled/);
  });

  it("can be turned back on: false removes the variable, which next would read as set", () => {
    expect(applied("false")).not.toHaveProperty("NEXT_TELEMETRY_DISABLED");
    expect(applied("0")).not.toHaveProperty("NEXT_TELEMETRY_DISABLED");
    expect(applied("true").NEXT_TELEMETRY_DISABLED).toBe("1");
  });
});
