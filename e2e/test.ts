// The browser suite's `test`: every spec imports it instead of Playwright's, so any console error, uncaught page
// error, failed request or error response (4xx/5xx) in any page a test opens fails that test. A test that provokes
// a failure on purpose says so with `failures.allow(...)`, naming the status and URL (or console text) it expects.
import { test as base, expect, type Browser, type BrowserContext, type ConsoleMessage, type Page } from "@playwright/test";

export { expect };
export type { APIRequestContext, APIResponse, Browser, BrowserContext, Locator, Page } from "@playwright/test";

/** What a test expects to fail: a response status (any when omitted) on a URL, or a console text. */
export interface AllowedFailure {
  status?: number;
  url?: RegExp | string;
  console?: RegExp;
}

interface Failure {
  kind: "console" | "page error" | "request failed" | "response";
  text: string;
  status?: number;
  url?: string;
}

export class FailureWatch {
  private readonly seen: Failure[] = [];
  private readonly allowed: AllowedFailure[] = [];
  private readonly contexts = new WeakSet<BrowserContext>();

  /** Declares failures this test provokes on purpose; anything else still fails it. */
  allow(...rules: AllowedFailure[]): void {
    this.allowed.push(...rules);
  }

  watch(context: BrowserContext): void {
    if (this.contexts.has(context)) return;
    this.contexts.add(context);
    for (const page of context.pages()) this.watchPage(page);
    context.on("page", (page) => this.watchPage(page));
  }

  private watchPage(page: Page): void {
    page.on("console", (message: ConsoleMessage) => {
      if (message.type() !== "error") return;
      // The browser's own line for an error response: the response listener below reports it with its URL.
      if (/^Failed to load resource: the server responded with a status of \d+/.test(message.text())) return;
      this.seen.push({ kind: "console", text: `${message.text()} (${message.location().url})` });
    });
    page.on("pageerror", (error) => this.seen.push({ kind: "page error", text: `${error.name}: ${error.message}` }));
    page.on("requestfailed", (request) => {
      const reason = request.failure()?.errorText ?? "";
      // A navigation, a cancelled fetch or a closing page aborts what was in flight: the app's choice, not a failure.
      if (reason === "net::ERR_ABORTED") return;
      this.seen.push({ kind: "request failed", text: `${request.method()} ${request.url()}: ${reason}`, url: request.url() });
    });
    page.on("response", (response) => {
      if (response.status() < 400) return;
      const request = response.request();
      this.seen.push({ kind: "response", text: `${request.method()} ${response.url()} answered ${response.status()}`, status: response.status(), url: response.url() });
    });
  }

  private isAllowed(failure: Failure): boolean {
    return this.allowed.some((rule) => {
      if (rule.console) return (failure.kind === "console" || failure.kind === "page error") && rule.console.test(failure.text);
      if (failure.kind !== "response" && failure.kind !== "request failed") return false;
      if (rule.status !== undefined && rule.status !== failure.status) return false;
      if (rule.url === undefined) return true;
      return typeof rule.url === "string" ? failure.url!.includes(rule.url) : rule.url.test(failure.url!);
    });
  }

  unexpected(): string[] {
    return this.seen.filter((failure) => !this.isAllowed(failure)).map((failure) => `${failure.kind}: ${failure.text}`);
  }
}

/** Contexts a test makes itself (`browser.newContext`, `browser.newPage`) are watched too. */
function watchNewContexts(browser: Browser, failures: FailureWatch): () => void {
  const original = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await original(...args);
    failures.watch(context);
    return context;
  };
  return () => {
    browser.newContext = original;
  };
}

export const test = base.extend<{ failures: FailureWatch }>({
  failures: [
    async ({ browser, context }, provide) => {
      const failures = new FailureWatch();
      failures.watch(context);
      const restore = watchNewContexts(browser, failures);
      try {
        await provide(failures);
      } finally {
        restore();
      }
      expect(failures.unexpected(), "console errors, page errors or failed requests in the browser").toEqual([]);
    },
    { auto: true },
  ],
});
