// Typed errors of the JumpCloud client. Every message is built from our own text plus scrubbed server text,
// so no secret can reach a message, a stack, a cause or a JSON rendering of the error.

export type JumpCloudErrorKind =
  | "authenticationFailed"
  | "permissionDenied"
  | "policyNotFound"
  | "systemNotFound"
  | "templateNotFound"
  | "notFound"
  | "rateLimited"
  | "orgIdRequired"
  | "orgIdInvalid"
  | "invalidFilter"
  | "invalidParameters"
  | "badRequest"
  | "conflict"
  | "unavailable"
  | "unreachable"
  | "timeout"
  | "cancelled"
  | "unsupportedAuthType"
  | "hostNotAllowed"
  | "unexpectedResponse";

/** The platform's Troubleshooting table (integration guide), plus the same voice for kinds it does not list. */
export const troubleshooting: Record<JumpCloudErrorKind, string> = {
  authenticationFailed:
    "Verify your API key is correct and active. Check that the key has appropriate permissions for the operations you're attempting.",
  permissionDenied:
    "The API key must have sufficient permissions for the requested operation. Check your JumpCloud admin permissions.",
  policyNotFound: "Verify the policy ID is correct. You can find policy IDs by listing all policies first.",
  systemNotFound: "Ensure the system ID exists and is accessible with your current credentials.",
  templateNotFound: "Verify the policy template ID exists by listing available templates first.",
  notFound: "Verify the ID is correct and accessible with your current credentials; list the objects first to find it.",
  rateLimited:
    "JumpCloud has API rate limits. Implement delays between operations if you encounter rate limiting errors.",
  orgIdRequired: "For multi-org environments, ensure you're providing the correct xOrgId parameter.",
  orgIdInvalid: "For multi-org environments, ensure you're providing the correct xOrgId parameter.",
  invalidFilter: "Check filter syntax - use format like field:operator:value (e.g., status:eq:active).",
  invalidParameters: "Correct the parameter named in the message; the operation's documentation lists every parameter.",
  badRequest: "JumpCloud rejected the request as shown in the message; correct the parameters and try again.",
  conflict: "An object with the same name or association already exists; choose another name or check the current state.",
  unavailable: "JumpCloud is temporarily unavailable. The request was retried; try again in a few minutes.",
  unreachable: "Check the region or base URL of the credential and the server's network access to JumpCloud.",
  timeout: "JumpCloud did not answer in time. The request was retried; try again or narrow the request with filters.",
  cancelled: "The operation was cancelled before it finished; run it again if needed.",
  unsupportedAuthType:
    "Use an API Key credential (recommended) or a service account; System Context only works for a device's own system endpoints.",
  hostNotAllowed: "Use the US, EU or IN region, or ask an administrator to allow the custom base URL.",
  unexpectedResponse: "JumpCloud answered in an unexpected way; try again, and report it if it persists.",
};

export interface JumpCloudErrorInit {
  kind: JumpCloudErrorKind;
  message: string;
  status?: number;
  parameterPath?: string;
  request?: { method: string; path: string };
  cause?: unknown;
}

export class JumpCloudError extends Error {
  override readonly name = "JumpCloudError";
  readonly kind: JumpCloudErrorKind;
  readonly status: number | undefined;
  readonly guidance: string;
  readonly parameterPath: string | undefined;
  /** Method and path (no host, no headers) of the request that failed, for the run record. */
  readonly request: { method: string; path: string } | undefined;

  constructor(init: JumpCloudErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.guidance = troubleshooting[init.kind];
    this.parameterPath = init.parameterPath;
    this.request = init.request;
  }

  toJSON(): JumpCloudErrorJson {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      guidance: this.guidance,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.parameterPath === undefined ? {} : { parameterPath: this.parameterPath }),
      ...(this.request === undefined ? {} : { request: this.request }),
    };
  }
}

export interface JumpCloudErrorJson {
  name: string;
  kind: JumpCloudErrorKind;
  message: string;
  guidance: string;
  status?: number;
  parameterPath?: string;
  request?: { method: string; path: string };
}

export function isJumpCloudError(value: unknown): value is JumpCloudError {
  return value instanceof JumpCloudError;
}

/** Reads a JumpCloud error body as the notes say: `message`, then `error`, then the raw text. */
export function readErrorMessage(rawText: string): string {
  const text = rawText.trim();
  if (text === "") return "";
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === "object") {
      const { message, error } = body as { message?: unknown; error?: unknown };
      if (typeof message === "string" && message !== "") return message;
      if (typeof error === "string" && error !== "") return error;
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
