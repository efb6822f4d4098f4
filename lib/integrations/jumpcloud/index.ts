// JumpCloud as an integration: the one thing lib/integrations/registry.ts imports from this folder.
import type { IntegrationDefinition } from "../types";
import { describeAuth, type JumpCloudAuth } from "./auth";
import { jumpcloudBaselines } from "./baselines";
import { jumpcloudCompliance } from "./compliance";
import { createJumpCloudClient } from "./client";
import { jumpcloudAuthTypes, jumpcloudConnectionFields, jumpcloudCredentialWarnings, parseConnectionSettings, parseJumpCloudAuth } from "./credentials";
import { jumpcloudErrorKinds, testHeadline } from "./errors";
import { resolveEndpoints, type ConnectionSettings } from "./hosts";
import { idReferences } from "./id-references";
import { listOptions, lookupNames, NAMED_KINDS, templateFields } from "./lookups";
import { operations, resources } from "./operations/index";
import { planRequests } from "./plan";
import { jumpcloudSync } from "./sync/index";

export const jumpcloud: IntegrationDefinition = {
  id: "jumpcloud",
  label: "JumpCloud",
  description: "Manage JumpCloud policies, their associations, results, statuses and templates.",
  authTypes: jumpcloudAuthTypes,
  connectionFields: jumpcloudConnectionFields,
  parseAuth: parseJumpCloudAuth,
  credentialWarnings: (auth, now) => jumpcloudCredentialWarnings(auth as JumpCloudAuth, now),
  parseConnection: parseConnectionSettings,
  checkConnection: (connection, allowedOrigins) => void resolveEndpoints(connection as ConnectionSettings, allowedOrigins),
  describeAuth,
  resources,
  operations,
  scopeParameters: [["additionalFields", "xOrgId"]],
  planRequests,
  curlVariables: { "x-api-key": "JUMPCLOUD_API_KEY", Authorization: "JUMPCLOUD_TOKEN" },
  createClient: ({ auth, connection, allowedOrigins, rateLimit, timeoutMs, userAgent, concurrency }) =>
    createJumpCloudClient({
      auth: auth as JumpCloudAuth,
      connection: connection as ConnectionSettings,
      allowedOrigins,
      ...(rateLimit ? { rateLimit } : {}),
      ...(timeoutMs ? { timeoutMs } : {}),
      ...(userAgent ? { userAgent } : {}),
      ...(concurrency ? { concurrency } : {}),
    }),
  listOptions,
  loaders: { templateFields },
  names: { kinds: NAMED_KINDS, references: idReferences, lookup: lookupNames },
  errorKinds: jumpcloudErrorKinds,
  testHeadline,
  compliance: jumpcloudCompliance,
  baselines: jumpcloudBaselines,
  sync: jumpcloudSync,
};
