import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Layer boundaries, enforced here rather than by convention (architecture.md, "Layers").
const appLayers = { group: ["@/app", "@/app/**", "@/components", "@/components/**"], message: "lib/ never imports app/ or components/." };
const integrationFolders = {
  group: ["@/lib/integrations/*/**", "@/lib/integrations/*/", "./jumpcloud", "./jumpcloud/**", "../jumpcloud/**", "./example", "./example/**"],
  message: "Only lib/integrations/registry.ts imports an integration's folder; ask the registry (getIntegration, findOperation).",
};
const simulator = { group: ["@/simulator/**", "**/simulator/**", "**/simulator"], message: "The simulator stands in for JumpCloud in tests only." };
const nodeOnly = {
  group: ["node:*", "server-only", "@/lib/db", "@/lib/generated/**", "@/lib/env"],
  message: "This module runs in the browser too (the builder's live preview): no Node, database or server configuration.",
};

const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `{ secret: _secret, ...rest }` is how we drop a field on purpose.
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Configuration is read in one place (lib/env.ts), validated once.
    files: ["app/**", "components/**", "lib/**", "proxy.ts"],
    ignores: ["lib/env.ts", "**/*.test.ts"],
    rules: {
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through env() from lib/env.ts." }],
    },
  },
  // One block per file group, each with its whole list (a later block replaces an earlier one's options).
  { files: ["app/**", "components/**"], ignores: ["**/*.test.ts"], rules: restrict(integrationFolders, simulator) },
  { files: ["lib/**"], ignores: ["**/*.test.ts", "**/testing/**"], rules: restrict(appLayers, integrationFolders, simulator) },
  {
    // Browser-safe layers: the preview runs them in the browser.
    files: ["lib/nodes/**", "lib/json/**", "lib/errors/**", "lib/text/**", "lib/integrations/**"],
    ignores: ["**/*.test.ts", "**/testing/**", "**/test-fixtures/**", "lib/integrations/enabled.ts"],
    rules: restrict(appLayers, integrationFolders, simulator, nodeOnly),
  },
  {
    // Inside an integration's folder its own files are its business; the outside world still is not.
    files: ["lib/integrations/*/**"],
    ignores: ["**/*.test.ts", "**/testing/**"],
    rules: restrict(appLayers, simulator, nodeOnly),
  },
  { files: ["lib/integrations/registry.ts"], rules: restrict(appLayers, simulator, nodeOnly) },
  {
    // Every browser test fails on a console error or failed request: that check lives in e2e/test.ts's `test`.
    files: ["e2e/**/*.spec.ts", "e2e/**/*.setup.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", importNames: ["test", "expect"], message: "Import test and expect from ./test (it fails on console errors)." }] },
      ],
    },
  },
  globalIgnores([".next/**", ".data/**", "lib/generated/**", "node_modules/**", "test-results/**", ".test-reports/**", "playwright-report/**", "next-env.d.ts"]),
]);
