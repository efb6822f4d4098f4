// Typed errors of the JumpCloud client: its kinds, their HTTP status and advice, and the error class.
import { IntegrationError, type ErrorKindSpec, type IntegrationErrorInit } from "../errors";

const ORG_ID_ADVICE = "For multi-org environments, ensure you're providing the correct xOrgId parameter.";

/**
 * Every kind with the status the app answers with when a run fails this way — the caller's config (400), a
 * missing object (404), JumpCloud refusing the request (422: the app's token was fine, the stored credential or
 * the parameters were not), JumpCloud's rate limit (429), JumpCloud down or slow (502/504) — and the platform's
 * Troubleshooting advice (integration guide), in the same voice for kinds the guide does not list.
 */
export const jumpcloudErrorKinds = {
  invalidParameters: { status: 400, advice: "Correct the parameter named in the message; the operation's documentation lists every parameter." },
  invalidFilter: { status: 400, advice: "Check filter syntax - use format like field:operator:value (e.g., state:eq:failed, a field policy results have)." },
  policyNotFound: { status: 404, advice: "Verify the policy ID is correct. You can find policy IDs by listing all policies first." },
  systemNotFound: { status: 404, advice: "Ensure the system ID exists and is accessible with your current credentials." },
  templateNotFound: { status: 404, advice: "Verify the policy template ID exists by listing available templates first." },
  notFound: { status: 404, advice: "Verify the ID is correct and accessible with your current credentials; list the objects first to find it." },
  targetNotFound: {
    status: 404,
    advice: "Verify the system or system group ID: it must exist in the same organization as the policy. List the policy's systems and groups, or find the ID in the Admin Console.",
  },
  associationNotFound: {
    status: 404,
    advice: "The policy is not associated with that target, so there is nothing to remove or update. List the policy's associations to see what it is bound to.",
  },
  conflict: { status: 409, advice: "An object with the same name or association already exists; choose another name or check the current state." },
  authenticationFailed: {
    status: 422,
    advice: "Verify your API key is correct and active. Check that the key has appropriate permissions for the operations you're attempting.",
    adviceByAuthType: {
      systemContext:
        "Check the System ID and that the private key (or the stored signature and its date) belongs to this system; a stored signature is only accepted for a few minutes. Systems installed through the User Portal, MDM or ADE cannot use System Context.",
      serviceAccount:
        "Check the service account's client ID and secret under Settings → Service Accounts in the Admin Console, and that the account still exists and has a role.",
    },
  },
  permissionDenied: {
    status: 422,
    advice: "The API key must have sufficient permissions for the requested operation. Check your JumpCloud admin permissions.",
    adviceByAuthType: {
      systemContext: "With System Context a device may only read and change its own system record; use an API key for anything else.",
      serviceAccount: "The service account's role does not grant the scopes this operation needs; give it a role with those scopes under Settings → Service Accounts.",
    },
  },
  orgIdRequired: { status: 422, advice: ORG_ID_ADVICE },
  orgIdInvalid: { status: 422, advice: ORG_ID_ADVICE },
  badRequest: { status: 422, advice: "JumpCloud rejected the request as shown in the message; correct the parameters and try again." },
  unsupportedAuthType: {
    status: 422,
    advice: "Use an API Key credential (recommended) or a service account; System Context only works for a device's own system endpoints.",
  },
  hostNotAllowed: {
    status: 422,
    advice:
      "Choose the US, EU or IN region, or allow the custom host: the server's owner adds its origin (e.g. http://127.0.0.1:4010) to the JUMPCLOUD_ALLOWED_ORIGINS setting, comma-separated, and restarts the app.",
  },
  rateLimited: { status: 429, advice: "JumpCloud has API rate limits. Implement delays between operations if you encounter rate limiting errors." },
  unavailable: { status: 502, advice: "JumpCloud is temporarily unavailable. The request was retried; try again in a few minutes." },
  unreachable: { status: 502, advice: "Check the region or base URL of the credential and the server's network access to JumpCloud." },
  unexpectedResponse: { status: 502, advice: "JumpCloud answered in an unexpected way; try again, and report it if it persists." },
  cancelled: { status: 503, advice: "The operation was cancelled before it finished; run it again if needed." },
  timeout: { status: 504, advice: "JumpCloud did not answer in time. The request was retried; try again or narrow the request with filters." },
} as const satisfies Record<string, ErrorKindSpec>;

export type JumpCloudErrorKind = keyof typeof jumpcloudErrorKinds;

export type JumpCloudErrorInit = Omit<IntegrationErrorInit<JumpCloudErrorKind>, "service" | "spec">;

/** Every message is our own text plus scrubbed server text, so no secret reaches a message, stack, cause or JSON. */
export class JumpCloudError extends IntegrationError<JumpCloudErrorKind> {
  override name = "JumpCloudError";
  constructor(init: JumpCloudErrorInit) {
    super({ service: "jumpcloud", spec: jumpcloudErrorKinds[init.kind], ...init });
  }
}

export function isJumpCloudError(value: unknown): value is JumpCloudError {
  return value instanceof JumpCloudError;
}

/** The short verdict of a failed Test Connection. */
export function testHeadline(kind: string, authType: string): string {
  switch (kind) {
    case "authenticationFailed":
      return ({ apiKey: "Invalid API key", systemContext: "Signature rejected", serviceAccount: "Invalid client ID or secret" } as Record<string, string>)[authType] ?? "Authentication failed";
    case "permissionDenied":
      return "Insufficient permissions";
    case "orgIdRequired":
      return "Organization ID required";
    case "orgIdInvalid":
      return "Organization ID is wrong";
    case "systemNotFound":
      return "System not found";
    case "targetNotFound":
      return "Target not found";
    case "unreachable":
      return "Host unreachable";
    case "hostNotAllowed":
      return "Host not allowed";
    case "timeout":
      return "Timed out";
    case "rateLimited":
      return "Rate limited";
    case "unavailable":
      return "JumpCloud unavailable";
    default:
      return "Connection failed";
  }
}

/** Longest upstream message quoted in an error (the rest is cut after redaction, so no secret is left half-masked). */
const UPSTREAM_MESSAGE_MAX = 300;

/**
 * Reads a JumpCloud error body as the notes say: `message`, then `error`, then the raw text. `redact` masks secrets
 * in the whole message before it is cut to length: cutting first could leave the first half of a key in clear.
 */
export function readErrorMessage(rawText: string, redact: (text: string) => string): string {
  const text = rawText.trim();
  if (text === "") return "";
  let message = text;
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === "object") {
      const { message: said, error } = body as { message?: unknown; error?: unknown };
      if (typeof said === "string" && said !== "") message = said;
      else if (typeof error === "string" && error !== "") message = error;
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  const clean = redact(message);
  return clean.length > UPSTREAM_MESSAGE_MAX ? `${clean.slice(0, UPSTREAM_MESSAGE_MAX)}…` : clean;
}
