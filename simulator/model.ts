/** Record shapes, field names exactly as in JumpCloud's OpenAPI spec (v2 components.schemas, v1 `system`). */

export type OsFamily = "windows" | "darwin" | "linux";
export type TargetType = "system" | "system_group" | "user" | "user_group";
export const TARGET_TYPES: readonly TargetType[] = ["system", "system_group", "user", "user_group"];

export type PolicyValueData = string | number | boolean | unknown[];

export interface PolicyValue {
  configFieldID: string;
  value: PolicyValueData;
  sensitive: boolean;
}

export interface ConfigField {
  id: string;
  name: string;
  label: string;
  displayType: "number" | "checkbox" | "select" | "text" | "textarea";
  defaultValue: PolicyValueData | null;
  displayOptions: { select: Array<{ text: string; value: string }> } | null;
  position: number;
  readOnly: boolean;
  required: boolean;
  sensitive: boolean;
  validators: { min?: number; max?: number; maxLength?: number } | null;
  tooltip: { template: string; variables: { icon: string; message: string } } | null;
}

export interface PolicyTemplate {
  id: string;
  name: string;
  displayName: string;
  description: string;
  osMetaFamily: OsFamily;
  activation: string;
  behavior: string;
  deliveryTypes: Array<"agent" | "mdm">;
  state: string;
  alert: string | null;
  reference: string | null;
  osRestrictions: Array<{ osName: string; earliestVersion: string }>;
  configFields: ConfigField[];
}

export interface SystemRecord {
  id: string;
  hostname: string;
  displayName: string;
  os: OsFamily;
  osFamily: OsFamily;
  osVersion: string;
  arch: string;
  agentVersion: string;
  serialNumber: string;
  remoteIP: string;
  created: string;
  lastContact: string;
  active: boolean;
  /** PEM public key of the agent; only systems enrolled with a key can use System Context. */
  publicKeyPem: string | null;
}

export interface SystemGroup {
  id: string;
  name: string;
  description: string;
  memberIds: readonly string[];
  /** The OS its members share (a themed group such as "Windows Workstations"), null for a mixed group. Not served. */
  os: OsFamily | null;
}

export interface DirectoryObject {
  id: string;
  name: string;
}

export interface PolicyRecord {
  id: string;
  name: string;
  notes: string;
  templateId: string;
  values: PolicyValue[];
}

export interface Association {
  type: TargetType;
  id: string;
  attributes: Record<string, unknown> | null;
}

export type ResultState = "success" | "failed" | "pending";

export interface PolicyResult {
  id: string;
  policyID: string;
  systemID: string;
  userObjectId: string;
  startedAt: string;
  endedAt?: string;
  success: boolean;
  exitStatus: number;
  stdErr: string;
  stdOut: string;
  state: ResultState;
  detail: string;
}
