// Every page is usable on a phone-sized screen: nothing wider than the screen; wide tables scroll inside their box
// with a visible cue.
import { appPages, PAGES_CREDENTIAL, settle, type AppPages } from "./app-pages";
import { expect, test } from "./test";

const CREDENTIAL = PAGES_CREDENTIAL;
let pages: AppPages;

test.beforeAll(async ({ browser }) => {
  pages = await appPages(browser, test.info().project.use.baseURL!);
});

test("at 390 px every page fits the screen; wide tables scroll inside their box with a visible cue", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  const overflowing: string[] = [];
  for (const path of pages.owner) {
    await settle(page, path);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    if (widths.page > widths.screen) overflowing.push(`${path}: ${widths.page} px wide on a ${widths.screen} px screen`);
  }
  expect(overflowing).toEqual([]);

  // The credentials table: Status and the actions are one sideways scroll away, and the box shows it can scroll.
  await settle(page, "/credentials");
  const scroller = page.getByTestId("credentials-table-scroller");
  const box = await scroller.evaluate((element) => ({
    scrolls: element.scrollWidth > element.clientWidth,
    overflowX: getComputedStyle(element).overflowX,
    cue: getComputedStyle(element).backgroundImage,
  }));
  expect(box.scrolls).toBe(true);
  expect(box.overflowX).toBe("auto");
  expect(box.cue).toContain("radial-gradient");
  const row = page.getByTestId(`credential-row-${CREDENTIAL}`);
  await row.getByRole("link", { name: `Edit ${CREDENTIAL}` }).scrollIntoViewIfNeeded();
  await expect(row.getByRole("link", { name: `Edit ${CREDENTIAL}` })).toBeInViewport();
  await expect(page.getByRole("columnheader", { name: "Status" })).toBeAttached();

  // The builder stacks: the form and the preview are one column, each as wide as the screen allows.
  await settle(page, "/node-builder/new");
  const preview = await page.getByTestId("live-preview").boundingBox();
  expect(preview!.x + preview!.width).toBeLessThanOrEqual(390);
});
