// On a phone-sized screen wide tables scroll inside their box with a visible cue, and the builder stacks. That no
// page is wider than the screen is checked by every-page.spec.ts.
import { ensurePagesCredential, PAGES_CREDENTIAL, settle } from "./app-pages";
import { expect, test } from "./test";

const CREDENTIAL = PAGES_CREDENTIAL;

test("at 390 px wide tables scroll inside their box with a visible cue, and the builder stacks", async ({ page }) => {
  await ensurePagesCredential(page);
  await page.setViewportSize({ width: 390, height: 844 });

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
