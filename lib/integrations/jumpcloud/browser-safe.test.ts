import path from "node:path";
import { describe, expect, it } from "vitest";
import { externalImports } from "@/lib/testing/external-imports";

// The builder form, the preview and the credential form import these in client components.
const entries = ["operations.ts", "plan.ts", "credentials.ts", "../registry.ts"].map((entry) => path.join(import.meta.dirname, entry));

describe("browser safety", () => {
  it("the registry, planner and credential fields reach only zod, fetch and WebCrypto, never node:* modules", () => {
    const { external, files } = externalImports(entries);
    expect(external).toEqual(["zod"]);
    expect(files).toBeGreaterThan(10);
  });
});
