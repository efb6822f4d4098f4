import fs from "node:fs";
import path from "node:path";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm;

function resolveLocal(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(projectRoot, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (base === undefined) return undefined;
  return [base, `${base}.ts`, path.join(base, "index.ts")].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

/**
 * Follows the project-local imports of `entries` and returns the packages the whole graph reaches, for tests that
 * prove client-side modules never pull in node:* or other server-only code.
 */
export function externalImports(entries: readonly string[]): { external: string[]; files: number } {
  const seen = new Set<string>();
  const external = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, specifier] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const local = resolveLocal(file, specifier!);
      if (local !== undefined) queue.push(local);
      else external.add(specifier!);
    }
  }
  return { external: [...external].sort(), files: seen.size };
}
