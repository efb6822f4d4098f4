// The writes every record store (monitors, baselines, alert destinations) makes the same way: a name kept unique,
// and a delete audited under the record's name.
import "server-only";
import { recordAuditEvent, type Actor, type AuditAction } from "@/lib/audit/audit-log";
import type { AppError } from "@/lib/errors/app-error";
import { nameTaken } from "@/lib/errors/record-refusals";
import { refusingUniqueViolation } from "./unique-violation";

/** Runs `write`, refusing `name` as taken when the write fails on the name's unique index. `record` as `nameTaken` takes it. */
export function refusingTakenName<T>(record: string, name: string | undefined, write: () => Promise<T>): Promise<T> {
  return refusingUniqueViolation(() => nameTaken(record, name), write);
}

/** A table whose rows have an id and a name (a Prisma delegate). */
interface NamedTable {
  findUnique(args: { where: { id: string }; select: { name: true } }): PromiseLike<{ name: string } | null>;
  deleteMany(args: { where: { id: string } }): PromiseLike<{ count: number }>;
}

/** Deletes the row and audits it under its name; a row gone before (or during) the delete is `notFound`. */
export async function deleteNamedRecord(
  table: NamedTable,
  id: string,
  audit: { action: AuditAction; metadata: Record<string, string>; notFound: () => AppError },
  actor: Actor,
  ip?: string,
): Promise<{ id: string; deleted: true }> {
  const row = await table.findUnique({ where: { id }, select: { name: true } });
  const deleted = await table.deleteMany({ where: { id } });
  if (!row || deleted.count === 0) throw audit.notFound();
  await recordAuditEvent({ actor, action: audit.action, target: row.name, metadata: audit.metadata, ip });
  return { id, deleted: true };
}
