// Child process of the shared-budget test: draws `count` requests from a credential's budget through `lanes`
// concurrent loops (like a client's pool) and prints each draw's slot (its start on the database's clock) as JSON.
// Slots, not wake-up times: a busy machine wakes sleepers late and in bunches, which says nothing about the budget.
import { closeSqlPool, sqlPool } from "@/lib/database/sql-pool";
import { SharedRequestBudget } from "@/lib/request-budget/shared-budget";

const [credentialId, rps, burst, count, lanes] = process.argv.slice(2);
const budget = new SharedRequestBudget(credentialId!, { requestsPerSecond: Number(rps), burst: Number(burst) });
const times: number[] = [];
let next = 0;
// Both processes start drawing together: each connects, says it is ready, and waits for the parent's line on stdin.
await sqlPool().query("select 1");
process.stdout.write("ready\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
await Promise.all(
  Array.from({ length: Number(lanes) }, async () => {
    while (next < Number(count)) {
      next++;
      times.push(await budget.acquire());
    }
  }),
);
await closeSqlPool();
process.stdout.write(`${JSON.stringify(times)}\n`);
