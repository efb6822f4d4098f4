import path from "node:path";
import { describe, expect, it } from "vitest";
import { externalImports } from "@/lib/testing/external-imports";

// The live preview imports these in client components: nothing they reach may need Node.
const entries = ["templates.ts", "merge.ts", "node-config.ts", "field-warnings.ts", "resolve-parameters.ts", "json-value.ts"].map((entry) =>
  path.join(import.meta.dirname, entry),
);

describe("browser safety", () => {
  it("lib/nodes modules reach only zod and each other, never node:* modules", () => {
    expect(externalImports(entries).external).toEqual(["zod"]);
  });
});
