// No serious or critical accessibility violation (axe-core, WCAG 2.1 A/AA and best practices) on any page:
// signed out, as owner in the light and dark themes, and as viewer. One test per page, so each scan has its own time.
import AxeBuilder from "@axe-core/playwright";
import { OWNER_STATE } from "../playwright.config";
import { appPages, settle, type AppPages } from "./app-pages";
import { expect, test, type Browser, type Page } from "./test";

let pages: AppPages;

test.beforeAll(async ({ browser }) => {
  pages = await appPages(browser, test.info().project.use.baseURL!);
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.map((node) => node.target.join(" ")).slice(0, 5).join(" | ")}`);
}

/** axe needs pages of contexts made with browser.newContext(). */
async function scanAs(browser: Browser, storageState: AppPages["viewerState"] | string, path: string, colorScheme: "light" | "dark" = "light") {
  const context = await browser.newContext({ storageState, colorScheme });
  const page = await context.newPage();
  await settle(page, path);
  const found = await seriousViolations(page);
  await context.close();
  return found;
}

const OWNER_PAGES = 13;
const VIEWER_PAGES = 6;

test("signed out: the sign-in page", async ({ browser }) => {
  expect(await scanAs(browser, { cookies: [], origins: [] }, "/sign-in")).toEqual([]);
});

for (let index = 0; index < OWNER_PAGES; index += 1) {
  test(`owner: page ${index + 1} of ${OWNER_PAGES}`, async ({ browser }) => {
    const path = pages.owner[index]!;
    expect(await scanAs(browser, OWNER_STATE, path), path).toEqual([]);
  });
}

for (const path of ["/credentials", "/credentials/new", "/node-builder/new"]) {
  test(`owner, dark theme: ${path}`, async ({ browser }) => {
    expect(await scanAs(browser, OWNER_STATE, path, "dark"), path).toEqual([]);
  });
}

for (let index = 1; index < VIEWER_PAGES; index += 2) {
  test(`viewer: page ${index + 1} of ${VIEWER_PAGES}`, async ({ browser }) => {
    const path = pages.viewer[index]!;
    expect(await scanAs(browser, pages.viewerState, path), path).toEqual([]);
  });
}
