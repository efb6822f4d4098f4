// Concurrent skip/limit pagination. JumpCloud's policy lists carry no total count, so Return All reads ahead only
// as far as the list has proven long: batches of 1, 2, 4, … pages, each launched when the last page of the previous
// batch came back full, then a steady window of the pool's size once the list is longer than that. Launching stops
// at the first short page.
import { DEFAULT_PAGE_SIZE, type Page, type PagePlan } from "./request-builder";

export type FetchPage = (page: Partial<Page> | undefined, signal: AbortSignal) => Promise<unknown[]>;

/** Bounds the requests in flight for one run, across all of its lists (e.g. several association targets). */
export class Pool {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

export interface PaginationResult {
  items: unknown[];
  pages: number;
  /** The last page read came back full, so the list may go on past what was read (never set for Return All). */
  lastPageFull: boolean;
}

/**
 * Fetches the pages of a plan. Every page launched is kept (nothing dropped), pages are joined in skip order,
 * and `fixed` plans are trimmed to the requested total.
 */
export async function fetchPages(plan: PagePlan, fetchPage: FetchPage, pool: Pool, signal: AbortSignal): Promise<PaginationResult> {
  if (plan.kind === "single") {
    const items = await pool.run(() => fetchPage(plan.page, signal));
    return { items, pages: 1, lastPageFull: items.length >= (plan.page?.limit ?? DEFAULT_PAGE_SIZE) };
  }
  const pageAt =
    plan.kind === "fixed"
      ? (index: number): Page | undefined => plan.pages[index]
      : (index: number): Page => ({ skip: plan.startSkip + index * plan.pageSize, limit: plan.pageSize });
  const lastIndex = plan.kind === "fixed" ? plan.pages.length - 1 : Number.POSITIVE_INFINITY;

  // Failing fast: the first error (or the caller's abort) aborts the pages still in flight. Each page gets its
  // own controller so a wide window does not pile listeners onto one signal.
  const inFlightControllers = new Set<AbortController>();
  let aborted = signal.aborted;
  const abortAll = () => {
    aborted = true;
    for (const child of inFlightControllers) child.abort();
  };
  signal.addEventListener("abort", abortAll, { once: true });

  const results: unknown[][] = [];
  let launched = 0;
  let endIndex = lastIndex; // the first short page; nothing after it is launched
  let failure: { error: unknown } | undefined;
  // Return All's read-ahead: pages below rampEnd may be launched; the batch doubles each time the last page of
  // the previous batch comes back full. Most lists fit in a page or two, so nothing is fetched past their end.
  let batch = 1;
  let rampEnd = plan.kind === "fixed" ? Number.POSITIVE_INFINITY : 1;

  try {
    await new Promise<void>((resolve) => {
      let inFlight = 0;
      let fullPages = 0;
      const launchMore = () => {
        // A list proven longer than the pool keeps the pool busy; before that, only the ramp's batch is read ahead.
        const limit = fullPages >= pool.size ? Number.POSITIVE_INFINITY : rampEnd;
        while (!failure && launched <= endIndex && launched < limit && inFlight < pool.size) {
          const index = launched++;
          const page = pageAt(index);
          if (!page) break;
          inFlight++;
          const child = new AbortController();
          if (aborted) child.abort();
          inFlightControllers.add(child);
          pool
            .run(() => fetchPage(page, child.signal))
            .then(
              (items) => {
                results[index] = items;
                if (items.length < page.limit) endIndex = Math.min(endIndex, index);
                else {
                  fullPages++;
                  if (index === rampEnd - 1) {
                    batch = Math.min(pool.size, batch * 2);
                    rampEnd += batch;
                  }
                }
              },
              (error: unknown) => {
                if (!failure) {
                  failure = { error };
                  abortAll();
                }
              },
            )
            .finally(() => {
              inFlightControllers.delete(child);
              inFlight--;
              launchMore();
              if (inFlight === 0) resolve();
            });
        }
      };
      launchMore();
      if (inFlight === 0) resolve();
    });
  } finally {
    signal.removeEventListener("abort", abortAll);
  }
  if (failure) throw failure.error;

  let items: unknown[] = [];
  for (const page of results) if (page) for (const item of page) items.push(item);
  items = dedupe(items);
  let lastPageFull = false;
  if (plan.kind === "fixed") {
    const total = plan.pages.reduce((sum, p) => sum + p.limit, 0);
    if (items.length > total) items = items.slice(0, total);
    const last = plan.pages.length - 1;
    lastPageFull = results[last] !== undefined && results[last].length >= plan.pages[last]!.limit;
  }
  return { items, pages: launched, lastPageFull };
}

/** Identity of a list record: `id`, or the target of a graph connection. */
function keyOf(item: unknown): string | undefined {
  if (!item || typeof item !== "object") return undefined;
  const { id, to } = item as { id?: unknown; to?: { id?: unknown; type?: unknown } };
  if (typeof id === "string") return id;
  if (to && typeof to.id === "string") return `${String(to.type)}:${to.id}`;
  return undefined;
}

/** Safety net for skip-based pages shifting under concurrent writes: keep the first copy of each record. */
export function dedupe(items: unknown[]): unknown[] {
  const seen = new Set<string>();
  let duplicate = false;
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    if (seen.has(key)) {
      duplicate = true;
      break;
    }
    seen.add(key);
  }
  if (!duplicate) return items;
  seen.clear();
  return items.filter((item) => {
    const key = keyOf(item);
    if (key === undefined) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
