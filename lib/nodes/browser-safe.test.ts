import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The live preview imports these in client components: nothing they reach may need Node.
const projectRoot = path.resolve(import.meta.dirname, "../..");
const entries = ["templates.ts", "merge.ts", "node-config.ts", "field-warnings.ts", "resolve-parameters.ts", "json-value.ts"];
const IMPORT = /^\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']/gm;

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/") ? path.join(projectRoot, specifier.slice(2)) : specifier.startsWith(".") ? path.resolve(path.dirname(from), specifier) : undefined;
  if (base === undefined) return undefined;
  return [base, `${base}.ts`, path.join(base, "index.ts")].find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
}

describe("browser safety", () => {
  it("lib/nodes modules reach only zod and each other, never node:* modules", () => {
    const seen = new Set<string>();
    const external = new Set<string>();
    const queue = entries.map((entry) => path.join(import.meta.dirname, entry));
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const [, specifier] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
        const local = resolveImport(file, specifier!);
        if (local !== undefined) queue.push(local);
        else external.add(specifier!);
      }
    }
    expect([...external]).toEqual(["zod"]);
  });
});
