import type { JumpCloudErrorKind } from "@/lib/integrations/jumpcloud/errors";
import type { NodeIssue } from "@/lib/nodes/json-value";

export type NodeRunErrorKind =
  | "invalidConfig"
  | "credentialRequired"
  | "credentialNotFound"
  | "cannotDecrypt"
  | "invalidCredential"
  | JumpCloudErrorKind;

/** Why a node run did not produce items; safe to show and to store (no secret ever enters it). */
export class NodeRunError extends Error {
  override readonly name = "NodeRunError";
  constructor(
    readonly kind: NodeRunErrorKind,
    message: string,
    readonly details: { issues?: NodeIssue[]; guidance?: string; status?: number; path?: string; runId?: string } = {},
  ) {
    super(message);
  }
}
