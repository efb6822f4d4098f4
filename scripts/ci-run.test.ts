import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

it(".ci/run sets CI before npm test, so tests that need ../shared fail rather than skip there", () => {
  const script = readFileSync(path.resolve(import.meta.dirname, "../.ci/run"), "utf8");
  const exported = script.search(/^export CI=1$/m);
  expect(exported).toBeGreaterThan(0);
  expect(exported).toBeLessThan(script.indexOf("npm test"));
});
