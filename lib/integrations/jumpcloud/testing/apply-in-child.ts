// A process that plans and applies association adds, for the sync test that kills it mid-apply: what a worker or a
// web process dying during a sync looks like. Its one argument: JSON { origin, apiKey, policyId, systemIds }.
import { createJumpCloudClient } from "../client";
import { jumpcloudSync } from "../sync/index";

const args = JSON.parse(process.argv[2]!) as { origin: string; apiKey: string; policyId: string; systemIds: string[] };
const client = createJumpCloudClient({
  auth: { type: "apiKey", apiKey: args.apiKey },
  connection: { region: "us", baseUrl: args.origin },
  allowedOrigins: [args.origin],
});
const desired = args.systemIds.map((id) => ({ type: "system", id }));
const plan = await jumpcloudSync.planAssociations(client, { policyId: args.policyId, desired, mode: "add-only" });
console.log(`planned ${plan.counts.add}`);
await jumpcloudSync.applyPlan(client, plan, { concurrency: 4 });
console.log("applied");
