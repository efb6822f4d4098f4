import { isIntegrationError } from "@/lib/integrations/errors";
import { requireEnabledIntegration } from "@/lib/integrations/enabled";
import type { IntegrationDefinition } from "@/lib/integrations/types";
import { CredentialError } from "./credential-errors";
import { allowedOrigins } from "./outbound-allow-list";

export function requireService(id: string): IntegrationDefinition {
  try {
    return requireEnabledIntegration(id);
  } catch {
    throw new CredentialError("invalid", `Unknown integration service "${id}".`, { service: "Choose an integration service from the list" });
  }
}

export function requireAuthType(service: IntegrationDefinition, authType: string) {
  const spec = service.authTypes.find((t) => t.id === authType);
  if (!spec) {
    throw new CredentialError("invalid", `${service.label} has no auth type "${authType}".`, {
      authType: `Choose one of ${service.authTypes.map((t) => t.label).join(", ")}`,
    });
  }
  return spec;
}

export interface SplitFields {
  /** Stored in clear: connection settings and the auth type's non-secret fields. */
  settings: Record<string, string>;
  /** Sealed in the envelope. */
  secrets: Record<string, string>;
}

/** Splits form values into clear settings and sealed secrets, dropping empty and unknown fields. */
export function splitFields(service: IntegrationDefinition, authType: string, fields: Record<string, string>): SplitFields {
  const spec = requireAuthType(service, authType);
  const settings: Record<string, string> = {};
  const secrets: Record<string, string> = {};
  for (const field of [...service.connectionFields, ...spec.fields]) {
    const value = fields[field.name]?.trim();
    if (!value) continue;
    (field.secret ? secrets : settings)[field.name] = value;
  }
  return { settings, secrets };
}

/** An integration's refusal of a field, as the form shows it: each message beside its input. */
function asCredentialError(error: unknown): unknown {
  if (!isIntegrationError(error)) return error;
  const fieldErrors = Object.fromEntries((error.issues ?? [{ path: error.path ?? "_", message: error.message }]).map((issue) => [issue.path || "_", issue.message]));
  return new CredentialError("invalid", error.message, fieldErrors);
}

/**
 * Validates the complete field set with the integration's own schemas, returning the auth object and the
 * connection. Errors name the field and say what is wrong, never what was typed.
 */
export function validateFields(service: IntegrationDefinition, authType: string, all: Record<string, string>): { auth: unknown; connection: unknown } {
  const spec = requireAuthType(service, authType);
  const authValues = Object.fromEntries(spec.fields.map((f) => [f.name, all[f.name] ?? ""]));
  const connectionValues = Object.fromEntries(service.connectionFields.map((f) => [f.name, all[f.name] ?? ""]));
  try {
    return { auth: service.parseAuth(authType, authValues), connection: service.parseConnection(connectionValues) };
  } catch (error) {
    throw asCredentialError(error);
  }
}

/**
 * Refused at save, not only at use: a credential pointing at a host the server will never call is a mistake
 * best named on the form. (At use, the client refuses it again before any request.)
 */
export function assertAllowedHost(service: IntegrationDefinition, connection: unknown): void {
  try {
    service.checkConnection(connection, allowedOrigins());
  } catch (error) {
    // The banner says what to do about it too (which setting allows a host); the field names the refusal.
    if (isIntegrationError(error)) throw new CredentialError("invalid", [error.message, error.guidance].filter(Boolean).join(" "), { baseUrl: error.message });
    throw error;
  }
}
