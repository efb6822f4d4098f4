// The app's configuration: every environment variable it reads, validated with zod and read once. A bad value
// stops the caller with a message that names the variable and says what to set. Scripts that run before the app
// (start, test, worker) read the same object, so a variable means one thing everywhere.
import proxyaddr from "proxy-addr";
import { z } from "zod";

const list = z
  .string()
  .optional()
  .transform((value) => (value ?? "").split(",").map((part) => part.trim()).filter(Boolean));

const positiveInt = (fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return fallback;
      const number = Number(value);
      if (!Number.isInteger(number) || number <= 0) {
        ctx.addIssue({ code: "custom", message: `must be a whole number above 0 (got "${value}")` });
        return z.NEVER;
      }
      return number;
    });

/** A number within bounds (decimals allowed when `integer` is false); unset or empty takes the fallback. */
const boundedNumber = (fallback: number, { min, max, integer = true }: { min: number; max: number; integer?: boolean }) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return fallback;
      const number = Number(value);
      if (!Number.isFinite(number) || (integer && !Number.isInteger(number)) || number < min || number > max) {
        ctx.addIssue({ code: "custom", message: `must be a ${integer ? "whole " : ""}number from ${min} to ${max} (got "${value}")` });
        return z.NEVER;
      }
      return number;
    });

const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = (value ?? "").trim().toLowerCase();
      if (text === "") return fallback;
      if (["true", "1", "yes", "on"].includes(text)) return true;
      if (["false", "0", "no", "off"].includes(text)) return false;
      ctx.addIssue({ code: "custom", message: `must be true or false (got "${value}")` });
      return z.NEVER;
    });

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

/**
 * Reverse proxies whose X-Forwarded-For the app believes: a hop count ("1": the address the nearest proxy saw)
 * or their addresses and CIDR ranges ("10.0.0.0/8, loopback"). Unset or 0: the TCP peer is the client.
 */
const trustedProxies = z
  .string()
  .optional()
  .transform((value, ctx): number | string[] => {
    const text = (value ?? "").trim();
    if (text === "") return 0;
    if (/^\d+$/.test(text)) return Number(text);
    const ranges = text.split(",").map((part) => part.trim()).filter(Boolean);
    try {
      proxyaddr.compile(ranges);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `must be a hop count or addresses/CIDR ranges such as 10.0.0.0/8 or loopback (${(error as Error).message})` });
      return z.NEVER;
    }
    return ranges;
  });

export const envSchema = z.object({
  /** postgresql:// URL; unset means the embedded Postgres that `npm start` resolves and exports. */
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// URL, e.g. postgresql://user:password@127.0.0.1:5432/app")
      .optional(),
  ),
  /** Folder for the embedded database and generated secrets. */
  DATA_DIR: z.string().optional().default(".data"),
  /** Run as root under a folder the postgres user cannot enter, the embedded Postgres is staged here. */
  EMBEDDED_POSTGRES_STAGE_DIR: z.string().optional().default("/var/lib/jumpcloud-connections"),
  EMBEDDED_POSTGRES_PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, "must be a port number")
      .transform(Number)
      .optional(),
  ),
  /** Custom origins a credential may use besides JumpCloud's own consoles (e.g. the simulator). */
  JUMPCLOUD_ALLOWED_ORIGINS: list,
  /** Origins an alert webhook may use although plain HTTP or on a loopback/private address. */
  ALERT_ALLOWED_ORIGINS: list,
  /** First retry delay of an alert delivery; later retries back off exponentially. */
  ALERT_RETRY_DELAY_SECONDS: boundedNumber(10, { min: 1, max: 3600 }),
  /** Attempts per alert delivery before it is marked failed. */
  ALERT_MAX_ATTEMPTS: boundedNumber(8, { min: 1, max: 50 }),
  /** Seconds one webhook attempt may take, connection included. */
  ALERT_TIMEOUT_SECONDS: boundedNumber(10, { min: 1, max: 120 }),
  CREDENTIALS_ENCRYPTION_KEY: optionalText,
  CREDENTIALS_ENCRYPTION_KEYS_OLD: optionalText,
  /** Where the embedded default keeps its generated credentials key; set by `npm start`, not by users. */
  CREDENTIALS_LOCAL_KEY_DIR: optionalText,
  AUTH_SECRET: optionalText.pipe(z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional()),
  TRUSTED_PROXIES: trustedProxies,
  /** The longest one sign-in lasts, however active: a stolen session cookie stops working by then. */
  SESSION_MAX_HOURS: positiveInt(12),
  /** Test Connection gives up after this many seconds in all, retries included. */
  CREDENTIAL_TEST_TIMEOUT_SECONDS: positiveInt(15),
  PORT: positiveInt(3000),
  HOST: z.string().optional().default("127.0.0.1"),
  NODE_ENV: z.string().optional().default("development"),
  /** The app's process also runs a job worker (schedules, snapshots, retention); false for web-only processes. */
  WORKER_IN_WEB: flag(true),
  /** Jobs one worker process runs at once. */
  JOBS_CONCURRENCY: boundedNumber(2, { min: 1, max: 32 }),
  /** How often an idle worker looks for jobs. */
  JOBS_POLL_INTERVAL_SECONDS: boundedNumber(2, { min: 0.5, max: 60, integer: false }),
  /** How often workers check the schedules (a schedule still fires at most once a minute). */
  JOBS_CRON_CHECK_SECONDS: boundedNumber(30, { min: 1, max: 60 }),
  /** A running job's claim; a worker that stops renewing it for this long is taken for dead and its job retried. */
  JOBS_LEASE_SECONDS: boundedNumber(30, { min: 2, max: 3600 }),
  /** First retry delay of a failed job; later retries back off exponentially. */
  JOBS_RETRY_DELAY_SECONDS: boundedNumber(30, { min: 1, max: 3600 }),
  /** Requests per second one JumpCloud credential may send, shared by every process. */
  JUMPCLOUD_REQUESTS_PER_SECOND: boundedNumber(50, { min: 1, max: 10_000 }),
  /** Days node runs are kept; 0 keeps them forever. */
  RUN_RETENTION_DAYS: boundedNumber(90, { min: 0, max: 36_500 }),
  /** Days audit events are kept; 0 keeps them forever. */
  AUDIT_RETENTION_DAYS: boundedNumber(365, { min: 0, max: 36_500 }),
  CI: optionalText,
  /** Next.js usage telemetry for the `next` processes npm start and npm test spawn: off unless set to false. */
  NEXT_TELEMETRY_DISABLED: flag(true),
  /** Offers the test-only example integration (lib/integrations/example); the test suites set it. */
  TEST_INTEGRATIONS: z
    .enum(["", "0", "1", "false", "true"], { error: 'must be "1"/"true" or "0"/"false"' })
    .optional()
    .transform((value) => value === "1" || value === "true"),
  /** Set by Next.js while it builds ("phase-production-build"): nothing long-running may start then. */
  NEXT_PHASE: optionalText,
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override readonly name = "EnvError";
}

/** Parses a given environment (tests pass their own); problems name every variable at fault at once. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "environment"} ${issue.message}`);
  throw new EnvError(`Invalid configuration: ${problems.join("; ")}.`);
}

let cached: Env | undefined;

/** The process's configuration, parsed on first use (so `next build` needs none of it). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For scripts that set variables for the app they start (the embedded database URL, a generated secret). */
export function resetEnvCache(): void {
  cached = undefined;
}
