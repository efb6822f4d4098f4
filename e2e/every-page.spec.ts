// Every page, walked once: no serious or critical accessibility violation (axe-core, WCAG 2.1 A/AA and best
// practices) signed out, as owner in the light and dark themes and as viewer; and at 390 px (a phone) nothing is
// wider than the screen. A few pages a test, in one browser context, so its cache serves the shared scripts.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { OWNER_STATE, PAGES_STATE } from "../playwright.config";
import { createUser, signedInContext, withDb } from "./api-accounts";
import { settle, type AppPages } from "./app-pages";
import { expect, test, type Browser, type Page } from "./test";

// The groups below are independent: they spread over both workers.
test.describe.configure({ mode: "parallel" });

let pages: AppPages;

test.beforeAll(() => {
  pages = JSON.parse(readFileSync(PAGES_STATE, "utf8")) as AppPages;
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(" | ")}`);
}

/** A phone-sized screen: the page reflows in place (no reload), as when a window is narrowed. */
async function overflowAt390(page: Page): Promise<string | undefined> {
  await page.setViewportSize({ width: 390, height: 844 });
  // Two frames: the resize is laid out before it is measured.
  const widths = await page.evaluate(
    () => new Promise<{ page: number; screen: number }>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve({ page: document.documentElement.scrollWidth, screen: window.innerWidth })))),
  );
  return widths.page > widths.screen ? `${widths.page} px wide on a ${widths.screen} px screen` : undefined;
}

interface Walk {
  storageState: AppPages["viewerState"] | string;
  colorScheme?: "light" | "dark";
  /** Also check the 390 px layout (once per page is enough: as owner in the light theme). */
  phone?: boolean;
}

/** Findings per page; axe needs pages of contexts made with browser.newContext(). */
async function walk(browser: Browser, paths: string[], { storageState, colorScheme = "light", phone = false }: Walk): Promise<Record<string, string[]>> {
  const context = await browser.newContext({ storageState, colorScheme });
  const page = await context.newPage();
  const findings: Record<string, string[]> = {};
  for (const path of paths) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await settle(page, path);
    const found = await seriousViolations(page);
    const overflow = phone ? await overflowAt390(page) : undefined;
    if (overflow) found.push(`at 390 px: ${overflow}`);
    if (found.length > 0) findings[path] = found;
  }
  await context.close();
  return findings;
}

const GROUP = 5;
const OWNER_GROUPS = 5;

test("signed out, and with a one-time password: the sign-in and change-password pages", async ({ browser, baseURL }) => {
  expect(await walk(browser, ["/sign-in"], { storageState: { cookies: [], origins: [] }, phone: true })).toEqual({});
  const user = await createUser("viewer", "one-time-password");
  await withDb((db) => db.query(`update "User" set "mustChangePassword" = true where id = $1`, [user.id]));
  const session = await signedInContext(baseURL!, user);
  const storageState = await session.storageState();
  await session.dispose();
  expect(await walk(browser, ["/change-password"], { storageState, phone: true })).toEqual({});
});

for (let group = 0; group < OWNER_GROUPS; group += 1) {
  test(`owner: pages ${group * GROUP + 1}-${(group + 1) * GROUP}`, async ({ browser }) => {
    const paths = pages.owner.slice(group * GROUP, (group + 1) * GROUP);
    expect(await walk(browser, paths, { storageState: OWNER_STATE, phone: true })).toEqual({});
  });
}

test("every owner page is in a group above", () => {
  expect(pages.owner.length).toBeLessThanOrEqual(GROUP * OWNER_GROUPS);
});

test("owner, dark theme: the list, the credential form and the builder", async ({ browser }) => {
  expect(await walk(browser, ["/credentials", "/credentials/new", "/node-builder/new"], { storageState: OWNER_STATE, colorScheme: "dark" })).toEqual({});
});

test("viewer: every page a viewer can open", async ({ browser }) => {
  test.setTimeout(120_000);
  expect(await walk(browser, pages.viewer, { storageState: pages.viewerState })).toEqual({});
});
