// Collects every Content-Security-Policy violation a browser context reports, on every page it opens.
import type { BrowserContext } from "@playwright/test";

/**
 * Returns the list the context's pages fill: each `securitypolicyviolation` event, with the directive, what
 * was blocked and where. Installed before any page script runs, through the DevTools protocol (which the
 * policy does not govern), and reported to the test at once, so a violation on a page that navigates away
 * is not lost.
 */
export async function collectCspViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeFunction("__reportCspViolation", (violation: string) => void violations.push(violation));
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = `${location.pathname} ${event.sourceFile || "(document)"}:${event.lineNumber}`;
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} on ${where}${event.sample ? ` "${event.sample}"` : ""}`);
    });
  });
  return violations;
}
