// Made once before the page walk (e2e/every-page.spec.ts), whose tests then run on both workers at once: one record
// of each kind for the detail pages, and a viewer's session.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PAGES_STATE } from "../playwright.config";
import { appPages } from "./app-pages";
import { test } from "./test";

test("one record of each kind for the page walk, and a viewer signed in", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const pages = await appPages(browser, baseURL!);
  mkdirSync(path.dirname(PAGES_STATE), { recursive: true });
  writeFileSync(PAGES_STATE, JSON.stringify(pages));
});
