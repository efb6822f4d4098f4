// Integration services by id. Each service is a sibling folder that states its auth types, credential and
// connection fields, operation registry, request planner, client and test-connection call.
import type { JumpCloudAuth } from "./jumpcloud/auth";
import { createJumpCloudClient, type JumpCloudClient, type JumpCloudClientOptions, type TestConnectionResult } from "./jumpcloud/client";
import {
  jumpcloudAuthTypes,
  jumpcloudConnectionFields,
  parseConnectionSettings,
  parseJumpCloudAuth,
  type AuthTypeSpec,
  type CredentialField,
} from "./jumpcloud/credentials";
import type { ConnectionSettings } from "./jumpcloud/hosts";
import { operations, resources, type OperationSpec } from "./jumpcloud/operations";
import { planRequests, type PlanInput, type RequestPlan } from "./jumpcloud/plan";

export interface TestConnectionInput {
  auth: JumpCloudAuth;
  connection?: ConnectionSettings;
  allowedOrigins?: readonly string[];
  signal?: AbortSignal;
}

export interface IntegrationService {
  id: string;
  label: string;
  description: string;
  authTypes: readonly AuthTypeSpec[];
  connectionFields: readonly CredentialField[];
  resources: ReadonlyArray<{ id: string; label: string }>;
  operations: readonly OperationSpec[];
  /** Validates a credential's secret fields for an auth type; throws a typed invalidParameters error. */
  parseAuth(authType: string, values: unknown): JumpCloudAuth;
  parseConnection(values: unknown): ConnectionSettings;
  createClient(options: JumpCloudClientOptions): JumpCloudClient;
  /** The same code path as a run: a test and a run never disagree. */
  testConnection(input: TestConnectionInput): Promise<TestConnectionResult>;
  planRequests(input: PlanInput): RequestPlan;
}

export const jumpcloudService: IntegrationService = {
  id: "jumpcloud",
  label: "JumpCloud",
  description: "Manage JumpCloud policies, their associations, results, statuses and templates.",
  authTypes: jumpcloudAuthTypes,
  connectionFields: jumpcloudConnectionFields,
  resources,
  operations,
  parseAuth: parseJumpCloudAuth,
  parseConnection: parseConnectionSettings,
  createClient: createJumpCloudClient,
  testConnection: ({ signal, ...options }) => createJumpCloudClient(options).testConnection(signal ? { signal } : {}),
  planRequests,
};

export const integrationServices: readonly IntegrationService[] = [jumpcloudService];

export function getIntegrationService(id: string): IntegrationService | undefined {
  return integrationServices.find((service) => service.id === id);
}
