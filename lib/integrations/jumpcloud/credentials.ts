// The credential form of JumpCloud as data: auth types, their fields (label, help, validation) and the
// connection settings. Browser-safe; the credential service parses stored secrets with parseJumpCloudAuth.
import { z } from "zod";
import { issuesFromZod, summarizeIssues } from "@/lib/errors/zod-issues";
import type { AuthTypeSpec, CredentialField } from "../types";
import type { JumpCloudAuth } from "./auth";
import { JumpCloudError } from "./errors";
import { regions, type ConnectionSettings } from "./hosts";
import type { AuthType } from "./operations/define";

const objectId = (what: string) => z.string().trim().regex(/^[0-9a-fA-F]{24}$/, `${what} must be 24 hexadecimal characters`);
const orgIdField: CredentialField = {
  name: "orgId",
  label: "Default Organization ID",
  help: "Sent as x-org-id on every request; required when the admin manages several organizations (MTP). A node's own Organization ID overrides it.",
  kind: "text",
  secret: false,
  required: false,
  placeholder: "5f4d7c8e9a1b2c3d4e5f6789",
  schema: objectId("Organization ID"),
};

export const jumpcloudAuthTypes: readonly (AuthTypeSpec & { id: AuthType })[] = [
  {
    id: "apiKey",
    label: "API Key",
    description: "Standard API access to your JumpCloud organization (recommended).",
    recommended: true,
    fields: [
      {
        name: "apiKey",
        label: "API Key",
        help: "In the Admin Console: Settings → API Keys → Generate New API Key, then copy the key.",
        kind: "secret",
        secret: true,
        required: true,
        placeholder: "abc123def456ghi789...",
        howTo: {
          title: "How to get your API Key",
          steps: [
            "Log in to the JumpCloud Admin Console (console.jumpcloud.com, or the EU/IN console).",
            "Open Settings → API Keys.",
            "Click Generate New API Key.",
            'Give the key a descriptive name, e.g. "NINA Integration".',
            "Copy the generated key and paste it here. JumpCloud shows it only once.",
          ],
        },
        schema: z.string().trim().min(8, "API Key looks too short").regex(/^\S+$/, "API Key must not contain spaces"),
      },
      orgIdField,
    ],
  },
  {
    id: "systemContext",
    label: "System Context",
    description:
      "A device signs requests with its JumpCloud agent key. JumpCloud accepts it only on the system's own endpoints, so it can test the connection but cannot run policy operations.",
    recommended: false,
    fields: [
      {
        name: "systemId",
        label: "System ID",
        help: "The systemKey from the agent's jcagent.conf.",
        kind: "text",
        secret: false,
        required: true,
        placeholder: "5f4d7c8e9a1b2c3d4e5f6789",
        schema: objectId("System ID"),
      },
      {
        name: "privateKeyPem",
        label: "Private Key",
        help: "The agent's client.key (PEM). With it every request is signed live; otherwise give a stored date and signature.",
        kind: "textarea",
        secret: true,
        required: false,
        placeholder: "-----BEGIN RSA PRIVATE KEY-----",
        schema: z.string().trim().regex(/-----BEGIN (RSA )?PRIVATE KEY-----/, "Private Key must be a PEM RSA private key"),
      },
      {
        name: "date",
        label: "System Date",
        help: "The date that was signed, in RFC 1123 format (JumpCloud rejects old dates).",
        kind: "text",
        secret: false,
        required: false,
        placeholder: "Tue, 10 Nov 2009 23:00:00 GMT",
        schema: z.string().trim().refine((v) => !Number.isNaN(Date.parse(v)), "System Date must be a date such as Tue, 10 Nov 2009 23:00:00 GMT"),
      },
      {
        name: "signature",
        label: "System Signature",
        help: "Base64 RSA-SHA256 signature of \"GET /api/systems/{System ID} HTTP/1.1\\ndate: {System Date}\".",
        kind: "secret",
        secret: true,
        required: false,
        schema: z.string().trim().min(1),
      },
    ],
  },
  {
    id: "serviceAccount",
    label: "Service Account",
    description: "OAuth 2.0 client credentials of a JumpCloud service account; tokens are fetched and renewed automatically.",
    recommended: false,
    fields: [
      {
        name: "clientId",
        label: "Client ID",
        help: "From Settings → Service Accounts in the Admin Console.",
        kind: "text",
        secret: false,
        required: true,
        schema: z.string().trim().min(1, "Client ID is required"),
      },
      {
        name: "clientSecret",
        label: "Client Secret",
        help: "Shown once when the service account is created.",
        kind: "secret",
        secret: true,
        required: true,
        schema: z.string().trim().min(1, "Client Secret is required"),
      },
      orgIdField,
    ],
  },
];

export const jumpcloudConnectionFields: readonly CredentialField[] = [
  {
    name: "region",
    label: "Region",
    help: "The console your organization lives in.",
    kind: "select",
    secret: false,
    required: true,
    options: regions.map((r) => ({ value: r.id, label: r.label })),
    schema: z.enum(["us", "eu", "in"]),
  },
  {
    name: "baseUrl",
    label: "Custom Base URL",
    help: "Only for development (e.g. the simulator); the server refuses any origin that is not on its allow-list.",
    kind: "text",
    secret: false,
    required: false,
    placeholder: "http://127.0.0.1:4010",
    schema: z.string().trim().url("Custom Base URL must be a URL such as http://127.0.0.1:4010"),
  },
];

function fieldsSchema(fields: readonly CredentialField[]): z.ZodType<Record<string, unknown>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    // An empty optional input means "not set".
    shape[field.name] = field.required ? field.schema : z.preprocess((v) => (v === "" || v === null ? undefined : v), field.schema.optional());
  }
  return z.object(shape) as unknown as z.ZodType<Record<string, unknown>>;
}

/** Each problem named by the field's label, so the form can show it beside the input. */
function invalid(error: z.ZodError, input: unknown, fields: readonly CredentialField[]): JumpCloudError {
  const issues = issuesFromZod(error, { input, labels: Object.fromEntries(fields.map((f) => [f.name, f.label])) });
  return new JumpCloudError({ kind: "invalidParameters", message: summarizeIssues(issues), issues, ...(issues[0] ? { path: issues[0].path } : {}) });
}

export function authTypeLabel(id: string): string {
  return jumpcloudAuthTypes.find((t) => t.id === id)?.label ?? id;
}

/** Validates a credential form (or stored secret) and returns the auth object the client takes. */
export function parseJumpCloudAuth(type: string, values: unknown): JumpCloudAuth {
  const spec = jumpcloudAuthTypes.find((t) => t.id === type);
  if (!spec) {
    throw new JumpCloudError({
      kind: "unsupportedAuthType",
      message: `Unknown JumpCloud auth type "${type}": use ${jumpcloudAuthTypes.map((t) => t.id).join(", ")}.`,
    });
  }
  const parsed = fieldsSchema(spec.fields).safeParse(values ?? {});
  if (!parsed.success) throw invalid(parsed.error, values ?? {}, spec.fields);
  const auth = { type, ...parsed.data } as JumpCloudAuth;
  if (auth.type === "systemContext" && !auth.privateKeyPem && !(auth.date && auth.signature)) {
    throw new JumpCloudError({
      kind: "invalidParameters",
      message: "Private Key is required unless you give both the System Date and the System Signature.",
      path: "privateKeyPem",
    });
  }
  return auth;
}

/** How long JumpCloud accepts a System Context signature after the date it signed (its docs: "within 5 minutes"). */
const STORED_SIGNATURE_MINUTES = 5;

/** A stored date and signature (no private key) works for minutes only: say so before it is saved. */
export function jumpcloudCredentialWarnings(auth: JumpCloudAuth, now: Date): string[] {
  if (auth.type !== "systemContext" || auth.privateKeyPem || !auth.date || !auth.signature) return [];
  const signedAt = Date.parse(auth.date);
  const expiresAt = signedAt + STORED_SIGNATURE_MINUTES * 60_000;
  const when =
    expiresAt <= now.getTime()
      ? `Its System Date (${auth.date}) is already more than ${STORED_SIGNATURE_MINUTES} minutes old, so JumpCloud will refuse it now.`
      : `It stops working at about ${new Date(expiresAt).toUTCString()}.`;
  return [
    `A stored System Date and Signature expires: JumpCloud accepts the signature only for about ${STORED_SIGNATURE_MINUTES} minutes after its date. ${when} Add the Private Key so every request is signed live.`,
  ];
}

export function parseConnectionSettings(values: unknown): ConnectionSettings {
  const given = values && typeof values === "object" ? (values as Record<string, unknown>) : {};
  const withRegion = { ...given, region: given.region || "us" };
  const parsed = fieldsSchema(jumpcloudConnectionFields).safeParse(withRegion);
  if (!parsed.success) throw invalid(parsed.error, withRegion, jumpcloudConnectionFields);
  return parsed.data as unknown as ConnectionSettings;
}
