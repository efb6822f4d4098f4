// The layer boundaries hold because lint refuses to cross them (eslint.config.mjs); this proves each rule fires.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: process.cwd() });

async function refusals(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-properties").map((m) => m.message);
}

describe("architecture boundaries", () => {
  it("only the registry imports an integration's folder", async () => {
    expect(await refusals("components/x.tsx", 'import { x } from "@/lib/integrations/jumpcloud/client";\nexport const y = x;\n')).toEqual([
      expect.stringContaining("Only lib/integrations/registry.ts"),
    ]);
    expect(await refusals("lib/runs/x.ts", 'import { x } from "@/lib/integrations/jumpcloud/operations/index";\nexport const y = x;\n')).toHaveLength(1);
    expect(await refusals("lib/integrations/registry.ts", 'import { jumpcloud } from "./jumpcloud";\nexport const y = jumpcloud;\n')).toEqual([]);
    expect(await refusals("lib/integrations/jumpcloud/x.ts", 'import { x } from "./client";\nexport const y = x;\n')).toEqual([]);
  });

  it("lib never imports app or components, and nothing but tests imports the simulator", async () => {
    expect(await refusals("lib/runs/x.ts", 'import { x } from "@/components/ui/button";\nexport const y = x;\n')).toEqual([expect.stringContaining("lib/ never imports")]);
    expect(await refusals("app/x.ts", 'import { x } from "@/simulator/server";\nexport const y = x;\n')).toEqual([expect.stringContaining("simulator")]);
    expect(await refusals("lib/runs/x.test.ts", 'import { x } from "@/simulator/server";\nexport const y = x;\n')).toEqual([]);
  });

  it("browser-safe layers reach no Node module, database or server configuration", async () => {
    for (const file of ["lib/nodes/x.ts", "lib/integrations/jumpcloud/x.ts", "lib/errors/x.ts"]) {
      expect(await refusals(file, 'import fs from "node:fs";\nexport const y = fs;\n'), file).toHaveLength(1);
      expect(await refusals(file, 'import { db } from "@/lib/db";\nexport const y = db;\n'), file).toHaveLength(1);
    }
  });

  it("configuration is read through lib/env.ts only", async () => {
    expect(await refusals("lib/runs/x.ts", "export const y = process.env.X;\n")).toEqual([expect.stringContaining("env()")]);
    expect(await refusals("lib/env.ts", "export const y = process.env.X;\n")).toEqual([]);
  });
});
