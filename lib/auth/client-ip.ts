/**
 * The caller's IP as Next's server reports it. Only the first x-forwarded-for hop is used; behind your own
 * reverse proxy make sure it overwrites that header, or a client could pick its own IP for the throttle.
 */
export function clientIp(headers: Headers): string {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || headers.get("x-real-ip") || "unknown";
}
