import { startSimulator } from "./server";

/** `npm run simulator`: SIMULATOR_PORT (default 4010), SIMULATOR_SEED (default 1). */
const port = Number(process.env.SIMULATOR_PORT ?? 4010);
const seed = Number(process.env.SIMULATOR_SEED ?? 1);
const simulator = await startSimulator({ port, seed });

console.log(`JumpCloud simulator listening on ${simulator.origin}
  v2 API:        ${simulator.origin}/api/v2      v1 API: ${simulator.origin}/api
  token:         POST ${simulator.origin}/oauth2/token
  facts:         GET  ${simulator.origin}/__simulator/info (orgs, system ids and their private keys)
  knobs:         POST ${simulator.origin}/__simulator/options   reseed: POST ${simulator.origin}/__simulator/reset
Test API keys (x-api-key):
  single org:    ${simulator.keys.singleOrg}   (org ${simulator.orgs[0]?.id})
  multi org:     ${simulator.keys.multiOrg}   (needs x-org-id: ${simulator.orgs.map((o) => o.id).join(" or ")})
  read only:     ${simulator.keys.readOnly}
  revoked:       ${simulator.keys.revoked}
Service account: client_id ${simulator.serviceAccount.clientId}  client_secret ${simulator.serviceAccount.clientSecret}`);

const stop = () => void simulator.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
