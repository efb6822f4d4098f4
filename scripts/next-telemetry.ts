import { env } from "@/lib/env";

/**
 * Next.js sends anonymous usage telemetry unless NEXT_TELEMETRY_DISABLED is set (to anything: it tests the variable
 * for truthiness, so "false" would also disable it). npm start and npm test turn it off unless the setting says
 * false; written to process.env so every child inherits it: next build, next start and Playwright's web servers.
 */
export function applyNextTelemetrySetting(target: NodeJS.ProcessEnv = process.env): void {
  if (env().NEXT_TELEMETRY_DISABLED) target.NEXT_TELEMETRY_DISABLED = "1";
  else delete target.NEXT_TELEMETRY_DISABLED;
}
