import { describe, expect, it } from "vitest";
import { RunBudget } from "./run-budget";

/** A budget that counts its draws and lets each through when told. */
function countingBudget() {
  const pending: Array<() => void> = [];
  return {
    draws: () => pending.length,
    release: () => pending.forEach((go) => go()),
    take: () => new Promise<void>((resolve) => pending.push(resolve)),
  };
}

describe("RunBudget", () => {
  it("a slot drawn ahead serves the next request, which waits for that draw; later requests draw their own", async () => {
    const shared = countingBudget();
    const budget = new RunBudget(shared);
    const ahead = budget.drawAhead();
    expect(shared.draws()).toBe(1);

    let first = false;
    void budget.take()!.then(() => (first = true));
    expect(shared.draws()).toBe(1);
    await Promise.resolve();
    expect(first).toBe(false);
    shared.release();
    await ahead;
    await Promise.resolve();
    expect(first).toBe(true);

    void budget.take();
    expect(shared.draws()).toBe(2);
  });

  it("without a draw ahead, every request draws its own slot", () => {
    const shared = countingBudget();
    const budget = new RunBudget(shared);
    void budget.take();
    void budget.take();
    expect(shared.draws()).toBe(2);
  });
});
