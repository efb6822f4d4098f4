import { env } from "@/lib/env";

export const ALLOWED_ORIGINS_VARIABLE = "JUMPCLOUD_ALLOWED_ORIGINS";

/**
 * Custom origins (besides JumpCloud's own consoles) that credentials may point at, e.g. the simulator in
 * development. Empty by default: in production no credential can make the server call another host.
 */
export function allowedOrigins(): string[] {
  return env().JUMPCLOUD_ALLOWED_ORIGINS;
}
