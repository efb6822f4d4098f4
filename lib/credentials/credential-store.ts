import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/audit-log";
import type { GuardContext } from "@/lib/auth/guard";
import { open, seal, SecretBoxError } from "@/lib/crypto/secret-box";
import { queryAgainOnLostConnection } from "@/lib/database/sql-pool";
import { refusingUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { appKeyring } from "./app-keyring";
import { CredentialError } from "./credential-errors";
import { assertAllowedHost, requireAuthType, requireService, splitFields, validateFields } from "./credential-fields";
import type { IntegrationDefinition } from "@/lib/integrations/types";
import type { CredentialForm, CredentialUpdate } from "./credential-input";
import { readTestReceipt, testColumns, valuesDigest } from "./test-receipt";

/** Everything a display may show. The envelope is not in this list, so no display query can select it. */
const DISPLAY_SELECT = {
  id: true,
  name: true,
  description: true,
  service: true,
  authType: true,
  settings: true,
  keyId: true,
  lastTestOk: true,
  lastTestKind: true,
  lastTestMessage: true,
  lastTestLatencyMs: true,
  lastTestedAt: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { nodeConfigs: true } },
} satisfies Prisma.CredentialSelect;

export type CredentialSummary = Prisma.CredentialGetPayload<{ select: typeof DISPLAY_SELECT }> & {
  settings: Record<string, string>;
};

/** A saved credential and what its saver should know about it (a stored signature that expires soon). */
export type SavedCredential = CredentialSummary & { warnings: string[] };

function warningsFor(service: IntegrationDefinition, auth: unknown): string[] {
  return service.credentialWarnings?.(auth, new Date()) ?? [];
}

const storedSecretsSchema = z.record(z.string(), z.string());

function sealSecrets(id: string, service: string, secrets: Record<string, string>) {
  const keyring = appKeyring();
  return { secretEnvelope: seal(secrets, { keyring, aad: { credentialId: id, service } }), keyId: keyring.primaryKeyId };
}

/** Opens a stored envelope. A tampered row or a lost key is this credential's problem alone. */
export function openSecrets(row: { id: string; name: string; service: string; secretEnvelope: string }): Record<string, string> {
  try {
    const value = open(row.secretEnvelope, { keyring: appKeyring(), aad: { credentialId: row.id, service: row.service } });
    return storedSecretsSchema.parse(value);
  } catch (error) {
    const why =
      error instanceof SecretBoxError && error.kind === "unknownKey"
        ? `it was encrypted with key "${error.keyId}", which is not configured (add it to CREDENTIALS_ENCRYPTION_KEYS_OLD)`
        : "the stored ciphertext is damaged or belongs to another row";
    throw new CredentialError("cannotDecrypt", `Cannot decrypt the credential "${row.name}": ${why}. Replace its secret to use it again.`);
  }
}

/** The one read that includes the sealed secret; only this folder opens it. */
export function findSealedCredential(where: Prisma.CredentialWhereInput) {
  return db.credential.findFirst({ where, omit: { secretEnvelope: false } });
}

/** How a run names its credential: by id, by name, or by a string that is an id or else a name. */
export type CredentialLookup = { id: string } | { name: string } | { idOrName: string };

export interface SealedCredential {
  id: string;
  name: string;
  service: string;
  authType: string;
  settings: Record<string, string>;
  secretEnvelope: string;
}

function lookupQuery(columns: string, lookup: CredentialLookup): [string, string] {
  if ("id" in lookup) return [`SELECT ${columns} FROM "Credential" WHERE id = $1`, lookup.id];
  if ("name" in lookup) return [`SELECT ${columns} FROM "Credential" WHERE name = $1`, lookup.name];
  // An id wins over a name that happens to equal it.
  return [`SELECT ${columns} FROM "Credential" WHERE id = $1 OR name = $1 ORDER BY (id = $1) DESC LIMIT 1`, lookup.idOrName];
}

const SETTINGS_COLUMNS = `id, name, service, "authType", settings`;

/** The sealed credential a run uses, in one `pg` statement: it sits on every run's path. */
export async function readSealedCredential(lookup: CredentialLookup): Promise<SealedCredential | undefined> {
  const [text, value] = lookupQuery(`${SETTINGS_COLUMNS}, "secretEnvelope"`, lookup);
  const { rows } = await queryAgainOnLostConnection<SealedCredential>(text, [value]);
  return rows[0];
}

/** A credential's non-secret settings (for a preview's planned requests), in one `pg` statement. */
export async function readCredentialSettings(lookup: CredentialLookup): Promise<Omit<SealedCredential, "secretEnvelope"> | undefined> {
  const [text, value] = lookupQuery(SETTINGS_COLUMNS, lookup);
  const { rows } = await queryAgainOnLostConnection<Omit<SealedCredential, "secretEnvelope">>(text, [value]);
  return rows[0];
}

export async function listCredentials(): Promise<CredentialSummary[]> {
  return (await db.credential.findMany({ select: DISPLAY_SELECT, orderBy: { name: "asc" } })) as CredentialSummary[];
}

export async function getCredential(id: string): Promise<CredentialSummary> {
  const found = await db.credential.findUnique({ where: { id }, select: DISPLAY_SELECT });
  if (!found) throw new CredentialError("notFound", "That credential no longer exists. Reload the list.");
  return found as CredentialSummary;
}

/**
 * The names (never the values) of the secrets a credential holds, so the form shows "stored" only for those. A
 * credential that cannot be opened holds none usable: its form asks for them again.
 */
export async function storedSecretNames(id: string): Promise<string[]> {
  const row = await findSealedCredential({ id });
  if (!row) throw new CredentialError("notFound", "That credential no longer exists. Reload the list.");
  try {
    return Object.keys(openSecrets(row));
  } catch {
    return [];
  }
}

/** For each credential, the names of the saved node configs that use it (for the delete confirmation), in one query. */
export async function credentialUsage(): Promise<Map<string, string[]>> {
  const nodes = await db.nodeConfig.findMany({
    where: { credentialId: { not: null } },
    select: { name: true, credentialId: true },
    orderBy: { name: "asc" },
  });
  const usage = new Map<string, string[]>();
  for (const node of nodes) usage.set(node.credentialId!, [...(usage.get(node.credentialId!) ?? []), node.name]);
  return usage;
}

const nameTaken = (name: string) =>
  new CredentialError("conflict", `A credential named "${name}" already exists.`, { name: "This name is already used; choose another" });

/** The values a credential is tested and saved with, one digest for comparing them (see test-receipt.ts). */
function digestOf(split: { settings: Record<string, string>; secrets: Record<string, string> }, authType: string): string {
  return valuesDigest(authType, { ...split.settings, ...split.secrets });
}

export async function createCredential(form: CredentialForm, { user, ip }: GuardContext): Promise<SavedCredential> {
  const service = requireService(form.service);
  const { auth, connection } = validateFields(service, form.authType, form.fields);
  assertAllowedHost(service, connection);
  const { settings, secrets } = splitFields(service, form.authType, form.fields);
  // The form's Test Connection of exactly these values becomes the new credential's status.
  const tested = readTestReceipt(form.testReceipt, { service: service.id, credentialId: undefined, authType: form.authType, fields: { ...settings, ...secrets } });
  const id = randomUUID();
  return refusingUniqueViolation(() => nameTaken(form.name), () =>
    db.$transaction(async (tx) => {
      const created = await tx.credential.create({
        data: {
          id,
          name: form.name,
          description: form.description,
          service: service.id,
          authType: form.authType,
          settings,
          ...sealSecrets(id, service.id, secrets),
          ...(tested ? testColumns(tested) : {}),
          createdById: user.id,
        },
        select: DISPLAY_SELECT,
      });
      await recordAuditEvent(
        { actor: user, action: "credential.created", target: form.name, metadata: { service: service.id, authType: form.authType }, ip },
        tx,
      );
      return { ...(created as CredentialSummary), warnings: warningsFor(service, auth) };
    }),
  );
}

/**
 * The full field set an edit or a test works with: what the form sent, and for each secret left empty, the
 * stored one (only while the auth type is unchanged), except the optional secrets the admin cleared. Also the
 * digest of the values as stored, to tell whether an edit changed what was tested.
 */
export async function mergeWithStored(
  serviceId: string,
  id: string | undefined,
  authType: string,
  fields: Record<string, string>,
  clearSecrets: readonly string[] = [],
): Promise<{ fields: Record<string, string>; storedDigest?: string; storedName?: string }> {
  const service = requireService(serviceId);
  const spec = requireAuthType(service, authType);
  for (const name of clearSecrets) {
    const field = spec.fields.find((f) => f.name === name && f.secret);
    if (!field) throw new CredentialError("invalid", `${authType} has no secret "${name.slice(0, 64)}" to clear.`);
    if (field.required) throw new CredentialError("invalid", `${field.label} is required: replace it instead of clearing it.`, { [name]: `${field.label} is required; replace it instead` });
  }
  if (!id) return { fields: { ...fields } };
  const row = await findSealedCredential({ id });
  if (!row) throw new CredentialError("notFound", "That credential no longer exists. Reload the list.");
  const stored = openSecrets(row);
  const storedSettings = row.settings as Record<string, string>;
  const storedDigest = valuesDigest(row.authType, { ...storedSettings, ...stored });
  if (row.authType !== authType) return { fields: { ...fields }, storedDigest, storedName: row.name };
  const merged = { ...fields };
  const reused = Object.keys(stored).filter((name) => !merged[name]?.trim() && !clearSecrets.includes(name));
  // A stored secret only ever goes to the host it was entered for: whoever changes the host must know the secret.
  if (reused.length > 0 && hostChanged(service, storedSettings, fields)) {
    const labels = reused.map((name) => spec.fields.find((f) => f.name === name)?.label ?? name);
    throw new CredentialError(
      "invalid",
      `The region or base URL changed, so the stored ${labels.join(" and ")} will not be sent to the new host. Enter ${labels.length === 1 ? "it" : "them"} again to use the new host.`,
      Object.fromEntries(reused.map((name, index) => [name, `Enter the ${labels[index]} again for the new host`])),
    );
  }
  for (const name of reused) merged[name] = stored[name]!;
  return { fields: merged, storedDigest, storedName: row.name };
}

/** Whether the form's connection settings (region, base URL) point somewhere other than the stored ones. */
function hostChanged(service: ReturnType<typeof requireService>, stored: Record<string, string>, form: Record<string, string>): boolean {
  const pick = (values: Record<string, string>) => Object.fromEntries(service.connectionFields.map((field) => [field.name, values[field.name]?.trim() ?? ""]));
  const normalized = (values: Record<string, string>) => {
    try {
      return JSON.stringify(service.parseConnection(pick(values)));
    } catch {
      return JSON.stringify(pick(values)); // invalid settings are refused by validation; here they only count as a change
    }
  };
  return normalized(stored) !== normalized(form);
}

export async function updateCredential(update: CredentialUpdate, { user, ip }: GuardContext): Promise<SavedCredential> {
  const service = requireService(update.service);
  const { fields, storedDigest } = await mergeWithStored(update.service, update.id, update.authType, update.fields, update.clearSecrets ?? []);
  const { auth, connection } = validateFields(service, update.authType, fields);
  assertAllowedHost(service, connection);
  const split = splitFields(service, update.authType, fields);
  const { settings, secrets } = split;
  const replaced = Object.keys(update.fields).filter((name) => update.fields[name]?.trim() && name in secrets);
  // The status follows what is saved: the form's test of exactly these values, or "Not tested" once the values a
  // test vouched for change (a replaced secret is not "Invalid API key" because the old one was).
  const tested = readTestReceipt(update.testReceipt, { service: service.id, credentialId: update.id, authType: update.authType, fields: { ...settings, ...secrets } });
  const changed = digestOf(split, update.authType) !== storedDigest;
  const status = tested ? testColumns(tested) : changed ? testColumns(undefined) : {};
  return refusingUniqueViolation(() => nameTaken(update.name), () =>
    db.$transaction(async (tx) => {
      const result = await tx.credential.updateMany({
        where: { id: update.id, version: update.expectedVersion },
        data: {
          name: update.name,
          description: update.description,
          authType: update.authType,
          settings,
          ...sealSecrets(update.id, service.id, secrets),
          ...status,
          version: { increment: 1 },
        },
      });
      if (result.count === 0) {
        const exists = await tx.credential.findUnique({ where: { id: update.id }, select: { id: true } });
        if (!exists) throw new CredentialError("notFound", "That credential was deleted by someone else.");
        throw new CredentialError("conflict", "This credential was changed by someone else since you opened it. Reload to see their changes; nothing was saved.");
      }
      await recordAuditEvent(
        {
          actor: user,
          action: "credential.updated",
          target: update.name,
          metadata: { authType: update.authType, replacedSecrets: replaced, clearedSecrets: update.clearSecrets ?? [], statusFromTest: tested !== undefined },
          ip,
        },
        tx,
      );
      const saved = (await tx.credential.findUniqueOrThrow({ where: { id: update.id }, select: DISPLAY_SELECT })) as CredentialSummary;
      return { ...saved, warnings: warningsFor(service, auth) };
    }),
  );
}

export async function deleteCredential(id: string, { user, ip }: GuardContext): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.credential.findUnique({ where: { id }, select: { name: true } });
    if (!row) throw new CredentialError("notFound", "That credential no longer exists.");
    const users = await tx.nodeConfig.count({ where: { credentialId: id } });
    await tx.credential.delete({ where: { id } });
    await recordAuditEvent({ actor: user, action: "credential.deleted", target: row.name, metadata: { nodeConfigsDetached: users }, ip }, tx);
    return row;
  });
}
