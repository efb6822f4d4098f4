import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

describe("configuration", () => {
  it("has defaults for a local start", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe(".data");
    expect(env.PORT).toBe(3000);
    expect(env.JUMPCLOUD_ALLOWED_ORIGINS).toEqual([]);
  });

  it("splits lists and trims values", () => {
    const env = parseEnv({ JUMPCLOUD_ALLOWED_ORIGINS: " http://127.0.0.1:4010 , https://sim.example ,", DATABASE_URL: " postgresql://a@b/c " });
    expect(env.JUMPCLOUD_ALLOWED_ORIGINS).toEqual(["http://127.0.0.1:4010", "https://sim.example"]);
    expect(env.DATABASE_URL).toBe("postgresql://a@b/c");
  });

  it("names every variable at fault and what to set", () => {
    let error: unknown;
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "eighty", AUTH_SECRET: "short" });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toContain("DATABASE_URL must be a postgresql:// URL");
    expect(message).toContain("PORT must be a whole number above 0");
    expect(message).toContain("AUTH_SECRET must be at least 32 characters");
  });

  it("reads trusted proxies as a hop count or address ranges, and names a bad one", () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" }).TRUSTED_PROXIES).toBe(2);
    expect(parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8, loopback" }).TRUSTED_PROXIES).toEqual(["10.0.0.0/8", "loopback"]);
    expect(() => parseEnv({ TRUSTED_PROXIES: "10.0.0.0/8, proxy.example" })).toThrow(/TRUSTED_PROXIES must be a hop count or addresses\/CIDR ranges/);
  });

  it("caps sessions at 12 hours unless told otherwise", () => {
    expect(parseEnv({}).SESSION_MAX_HOURS).toBe(12);
    expect(parseEnv({ SESSION_MAX_HOURS: "4" }).SESSION_MAX_HOURS).toBe(4);
    expect(() => parseEnv({ SESSION_MAX_HOURS: "0" })).toThrow(/SESSION_MAX_HOURS must be a whole number above 0/);
  });

  it("reads the job, budget and retention settings with their bounds", () => {
    const defaults = parseEnv({});
    expect(defaults).toMatchObject({ WORKER_IN_WEB: true, JOBS_LEASE_SECONDS: 30, JUMPCLOUD_REQUESTS_PER_SECOND: 50, RUN_RETENTION_DAYS: 90, AUDIT_RETENTION_DAYS: 365 });
    expect(parseEnv({ WORKER_IN_WEB: "false", JOBS_POLL_INTERVAL_SECONDS: "0.5", RUN_RETENTION_DAYS: "0" })).toMatchObject({
      WORKER_IN_WEB: false,
      JOBS_POLL_INTERVAL_SECONDS: 0.5,
      RUN_RETENTION_DAYS: 0,
    });
    expect(() => parseEnv({ WORKER_IN_WEB: "maybe", JOBS_LEASE_SECONDS: "1", JOBS_CONCURRENCY: "2.5" })).toThrow(
      /WORKER_IN_WEB must be true or false.*JOBS_CONCURRENCY must be a whole number from 1 to 32.*JOBS_LEASE_SECONDS must be a whole number from 2 to 3600/,
    );
  });
});
