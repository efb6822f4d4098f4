// "Copy as curl" for a planned request. Browser-safe.
import type { PlannedRequest } from "./types";

/** How the planners mask a secret header value. */
export const MASK = "••••";

/**
 * A shell command for the request. A header whose whole secret is masked (`••••`, `Bearer ••••`) reads an
 * environment variable the user sets instead (`variables`: header name -> variable name).
 */
export function toCurl(request: PlannedRequest, variables: Readonly<Record<string, string>>): string {
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const parts = [`curl -X ${request.method} ${quote(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    const variable = variables[name];
    if (variable && (value === MASK || value === `Bearer ${MASK}`)) parts.push(`-H "${name}: ${value.replace(MASK, `$${variable}`)}"`);
    else parts.push(`-H ${quote(`${name}: ${value}`)}`);
  }
  if (request.body !== undefined) parts.push(`-d ${quote(JSON.stringify(request.body))}`);
  return parts.join(" \\\n  ");
}
