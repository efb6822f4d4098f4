import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The builder form, the preview and the credential form import these in client components.
const entries = ["operations.ts", "plan.ts", "credentials.ts", "../registry.ts"];
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm;

function resolveLocal(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [base, `${base}.ts`].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

describe("browser safety", () => {
  it("the registry, planner and credential fields reach only zod, fetch and WebCrypto, never node:* modules", () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const queue = entries.map((entry) => path.join(import.meta.dirname, entry));
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
    expect([...external]).toEqual(["zod"]);
    expect(seen.size).toBeGreaterThan(10);
  });
});
