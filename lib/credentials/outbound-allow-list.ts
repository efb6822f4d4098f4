import { env } from "@/lib/env";

export const ALLOWED_ORIGINS_VARIABLE = "JUMPCLOUD_ALLOWED_ORIGINS";
export const ALERT_ALLOWED_ORIGINS_VARIABLE = "ALERT_ALLOWED_ORIGINS";

/**
 * Custom origins (besides JumpCloud's own consoles) that credentials may point at, e.g. the simulator in
 * development. Empty by default: in production no credential can make the server call another host.
 */
export function allowedOrigins(): string[] {
  return env().JUMPCLOUD_ALLOWED_ORIGINS;
}

/**
 * Origins an alert webhook may use although they are plain HTTP or resolve to a loopback or private address
 * (a receiver on the same network, a test receiver). Empty by default: webhooks go to public HTTPS hosts only.
 */
export function alertAllowedOrigins(): string[] {
  return env().ALERT_ALLOWED_ORIGINS;
}
