import "server-only";
import { recordAuditEvent } from "@/lib/audit/audit-log";
import type { GuardContext } from "@/lib/auth/guard";
import { refusingUniqueViolation } from "@/lib/database/unique-violation";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { enabledIntegrations } from "@/lib/integrations/enabled";
import type { JsonObject, JsonValue } from "@/lib/json/json-value";
import type { NodeConfig } from "@/lib/nodes/node-config";
import { NodeConfigError } from "./node-config-errors";
import type { NodeConfigInput, NodeConfigRename, NodeConfigUpdate } from "./node-config-input";

/** The platform format as stored and exported: no credential inside (the builder picks it beside the config). */
export type StoredNodeConfig = Omit<NodeConfig, "credential">;

export interface NodeConfigSummary {
  id: string;
  name: string;
  integrationService: string;
  resource: string;
  operation: string;
  credential: { id: string; name: string; authType: string } | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  lastRun: { id: string; status: string; startedAt: Date } | null;
}

export interface NodeConfigDetail extends NodeConfigSummary {
  config: StoredNodeConfig;
  sampleInput: JsonValue | null;
}

const SUMMARY_SELECT = {
  id: true,
  name: true,
  integrationService: true,
  resource: true,
  operation: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  credential: { select: { id: true, name: true, authType: true } },
  runs: { select: { id: true, status: true, startedAt: true }, orderBy: { startedAt: "desc" }, take: 1 },
} satisfies Prisma.NodeConfigSelect;

const DETAIL_SELECT = { ...SUMMARY_SELECT, parameters: true, runPerItem: true, sampleInput: true } satisfies Prisma.NodeConfigSelect;

type SummaryRow = Prisma.NodeConfigGetPayload<{ select: typeof SUMMARY_SELECT }>;
type DetailRow = Prisma.NodeConfigGetPayload<{ select: typeof DETAIL_SELECT }>;

function toSummary({ runs, ...row }: SummaryRow): NodeConfigSummary {
  return { ...row, lastRun: runs[0] ?? null };
}

function toDetail(row: DetailRow): NodeConfigDetail {
  const { parameters, runPerItem, sampleInput, ...rest } = row;
  return {
    ...toSummary(rest),
    config: {
      integration_service: row.integrationService,
      resource: row.resource,
      operation: row.operation,
      parameters: parameters as JsonObject,
      ...(runPerItem === null ? {} : { runPerItem: runPerItem as StoredNodeConfig["runPerItem"] }),
    },
    sampleInput: (sampleInput ?? null) as JsonValue | null,
  };
}

const notFound = () => new NodeConfigError("notFound", "That node config no longer exists. Reload the list.");
const nameTaken = (name: string) =>
  new NodeConfigError("conflict", `A node config named "${name}" already exists.`, { name: "This name is already used; choose another" });

/** The service, resource and operation must exist, and the credential must belong to that service. */
async function checkConfig(input: NodeConfigInput, tx: Prisma.TransactionClient) {
  const { integration_service: serviceId, resource, operation } = input.config;
  const service = enabledIntegrations().find((candidate) => candidate.id === serviceId);
  if (!service) {
    throw new NodeConfigError("invalid", `Unknown integration service "${serviceId}".`, { "config.integration_service": "Unknown integration service" });
  }
  if (!service.operations.some((op) => op.resource === resource && op.operation === operation)) {
    throw new NodeConfigError("invalid", `${service.label} has no operation "${resource}.${operation}".`, {
      "config.operation": `Choose an operation of ${service.label}`,
    });
  }
  if (input.credentialId) {
    const credential = await tx.credential.findUnique({ where: { id: input.credentialId }, select: { service: true, name: true } });
    if (!credential) throw new NodeConfigError("invalid", "The chosen credential no longer exists.", { credentialId: "Choose another credential" });
    if (credential.service !== serviceId) {
      throw new NodeConfigError("invalid", `The credential "${credential.name}" is not a ${service.label} credential.`, {
        credentialId: `Choose a ${service.label} credential`,
      });
    }
  }
}

function columnsOf(input: NodeConfigInput) {
  return {
    name: input.name,
    integrationService: input.config.integration_service,
    resource: input.config.resource,
    operation: input.config.operation,
    parameters: input.config.parameters as Prisma.InputJsonObject,
    runPerItem: input.config.runPerItem ? (input.config.runPerItem as Prisma.InputJsonValue) : Prisma.DbNull,
    // A JSON null column and "no sample" are the same to the builder; store SQL NULL.
    sampleInput: input.sampleInput === null ? Prisma.DbNull : (input.sampleInput as Prisma.InputJsonValue),
    credentialId: input.credentialId,
  };
}

const auditMetadata = (input: NodeConfigInput) => ({
  resource: input.config.resource,
  operation: input.config.operation,
  credentialId: input.credentialId,
});

export async function listNodeConfigs(): Promise<NodeConfigSummary[]> {
  const rows = await db.nodeConfig.findMany({ select: SUMMARY_SELECT, orderBy: { name: "asc" } });
  return rows.map(toSummary);
}

export async function getNodeConfig(id: string): Promise<NodeConfigDetail> {
  const row = await db.nodeConfig.findUnique({ where: { id }, select: DETAIL_SELECT });
  if (!row) throw notFound();
  return toDetail(row);
}

export async function createNodeConfig(input: NodeConfigInput, { user, ip }: GuardContext): Promise<NodeConfigDetail> {
  return refusingUniqueViolation(() => nameTaken(input.name), () =>
    db.$transaction(async (tx) => {
      await checkConfig(input, tx);
      const row = await tx.nodeConfig.create({ data: { ...columnsOf(input), createdById: user.id }, select: DETAIL_SELECT });
      await recordAuditEvent({ actor: user, action: "node_config.created", target: input.name, metadata: auditMetadata(input), ip }, tx);
      return toDetail(row);
    }),
  );
}

/** Fails with a conflict when someone saved after `expectedVersion` was read. */
async function bumpVersion(tx: Prisma.TransactionClient, id: string, expectedVersion: number | undefined, data: Prisma.NodeConfigUncheckedUpdateManyInput) {
  const result = await tx.nodeConfig.updateMany({
    where: expectedVersion === undefined ? { id } : { id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (result.count > 0) return;
  const exists = await tx.nodeConfig.findUnique({ where: { id }, select: { id: true } });
  if (!exists) throw notFound();
  throw new NodeConfigError("conflict", "This node config was changed by someone else since you opened it. Reload to see their changes; nothing was saved.");
}

export async function updateNodeConfig(update: NodeConfigUpdate, { user, ip }: GuardContext): Promise<NodeConfigDetail> {
  return refusingUniqueViolation(() => nameTaken(update.name), () =>
    db.$transaction(async (tx) => {
      await checkConfig(update, tx);
      await bumpVersion(tx, update.id, update.expectedVersion, columnsOf(update));
      await recordAuditEvent({ actor: user, action: "node_config.updated", target: update.name, metadata: auditMetadata(update), ip }, tx);
      return toDetail(await tx.nodeConfig.findUniqueOrThrow({ where: { id: update.id }, select: DETAIL_SELECT }));
    }),
  );
}

export async function renameNodeConfig({ id, name, expectedVersion }: NodeConfigRename, { user, ip }: GuardContext): Promise<NodeConfigSummary> {
  return refusingUniqueViolation(() => nameTaken(name), () =>
    db.$transaction(async (tx) => {
      const before = await tx.nodeConfig.findUnique({ where: { id }, select: { name: true } });
      if (!before) throw notFound();
      await bumpVersion(tx, id, expectedVersion, { name });
      await recordAuditEvent({ actor: user, action: "node_config.renamed", target: name, metadata: { from: before.name }, ip }, tx);
      return toSummary(await tx.nodeConfig.findUniqueOrThrow({ where: { id }, select: SUMMARY_SELECT }));
    }),
  );
}

/** "Name (copy)", then "Name (copy 2)", ... : the first free one. */
async function freeCopyName(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base = `${name} (copy`;
  const taken = new Set((await tx.nodeConfig.findMany({ where: { name: { startsWith: base } }, select: { name: true } })).map((n) => n.name));
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? `${base})` : `${base} ${n})`;
    if (!taken.has(candidate)) return candidate;
  }
}

export async function duplicateNodeConfig({ id, name }: { id: string; name?: string | undefined }, { user, ip }: GuardContext): Promise<NodeConfigDetail> {
  const work = () =>
    db.$transaction(async (tx) => {
      const source = await tx.nodeConfig.findUnique({ where: { id } });
      if (!source) throw notFound();
      const copyName = name ?? (await freeCopyName(tx, source.name));
      const row = await tx.nodeConfig.create({
        data: {
          name: copyName,
          integrationService: source.integrationService,
          resource: source.resource,
          operation: source.operation,
          parameters: source.parameters as Prisma.InputJsonValue,
          sampleInput: source.sampleInput === null ? Prisma.DbNull : (source.sampleInput as Prisma.InputJsonValue),
          credentialId: source.credentialId,
          createdById: user.id,
        },
        select: DETAIL_SELECT,
      });
      await recordAuditEvent({ actor: user, action: "node_config.duplicated", target: copyName, metadata: { from: source.name }, ip }, tx);
      return toDetail(row);
    });
  return refusingUniqueViolation(() => nameTaken(name ?? "copy"), work);
}

/** Past runs stay in the history (their node link is cleared by the database). */
export async function deleteNodeConfig(id: string, { user, ip }: GuardContext): Promise<{ name: string }> {
  return db.$transaction(async (tx) => {
    const row = await tx.nodeConfig.findUnique({ where: { id }, select: { name: true, resource: true, operation: true } });
    if (!row) throw notFound();
    await tx.nodeConfig.delete({ where: { id } });
    await recordAuditEvent(
      { actor: user, action: "node_config.deleted", target: row.name, metadata: { resource: row.resource, operation: row.operation }, ip },
      tx,
    );
    return { name: row.name };
  });
}
