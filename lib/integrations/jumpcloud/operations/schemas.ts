// Value schemas of the operation parameters. Each one checks the syntax of its value completely, so the one
// validation pass (the operation's schema, run by resolveParameters) is the only check a run needs. Browser-safe.
import { z } from "zod";
import { checkField, checkFilter, checkSort } from "../filters";

export const associationTargets = ["system", "system_group", "user", "user_group"] as const;
export type AssociationTarget = (typeof associationTargets)[number];

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;
export const isObjectId = (value: string) => OBJECT_ID.test(value);

export const objectId = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .trim()
    .regex(OBJECT_ID, `${what} must be a JumpCloud ObjectID (24 hexadecimal characters)`);

const stringList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v === "" ? [] : [v]).map((s) => s.trim()).filter((s) => s !== ""));
/** sort and fields are comma-separated on the wire, so a comma-separated string is accepted too. */
const commaList = stringList.transform((list) => list.flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== ""));

/** Runs a syntax check on each entry, reporting every bad entry at its index. */
function eachEntry(check: (entry: string) => string | undefined) {
  return (list: string[], ctx: z.RefinementCtx) => {
    list.forEach((entry, index) => {
      const problem = check(entry);
      if (problem) ctx.addIssue({ code: "custom", path: [index], message: problem });
    });
  };
}

export const filterList = stringList.superRefine(eachEntry(checkFilter));
export const sortList = commaList.superRefine(eachEntry(checkSort));
export const fieldList = commaList.superRefine(eachEntry(checkField));

export const flexibleBoolean = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
export const flexibleInt = (min: number) =>
  z.union([z.number(), z.string().trim().regex(/^\d+$/, "must be a whole number").transform(Number)]).pipe(
    z.number().int("must be a whole number").min(min, `must be at least ${min}`),
  );

export const targetsSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s !== ""))
  .pipe(
    z
      .array(z.enum(associationTargets, { error: `each target must be one of ${associationTargets.join(", ")}` }))
      .min(1, `choose at least one target: ${associationTargets.join(", ")}`),
  )
  .transform((list) => [...new Set(list)]);

export interface SyncTargetInput {
  type?: "system" | "system_group";
  id: string;
}

/** One desired target: an ObjectID, `{ type?, id }` (other keys of a record are ignored), or an association record (`{ to: { type, id } }`). */
function syncTargetOf(item: unknown): { target: SyncTargetInput } | { problem: string; at?: string } {
  if (typeof item === "string") return isObjectId(item.trim()) ? { target: { id: item.trim() } } : { problem: "must be a JumpCloud ObjectID (24 hexadecimal characters)" };
  if (!item || typeof item !== "object" || Array.isArray(item)) return { problem: "must be an ObjectID or an object with an id" };
  const record = item as { type?: unknown; id?: unknown; to?: { type?: unknown; id?: unknown } };
  const source = record.id === undefined && record.to && typeof record.to === "object" ? record.to : record;
  const at = source === record ? "" : "to.";
  if (typeof source.id !== "string" || !isObjectId(source.id.trim())) return { problem: "must be a JumpCloud ObjectID (24 hexadecimal characters)", at: `${at}id` };
  if (source.type === undefined) return { target: { id: source.id.trim() } };
  if (source.type !== "system" && source.type !== "system_group") return { problem: "must be system or system_group", at: `${at}type` };
  return { target: { type: source.type, id: source.id.trim() } };
}

/** A sync's desired targets: a list (or a comma-separated string) of ids, `{ type, id }` items or association records. */
export const syncTargetsSchema = z.unknown().transform((raw, ctx): SyncTargetInput[] => {
  const list = typeof raw === "string" ? raw.split(",").map((s) => s.trim()).filter((s) => s !== "") : raw;
  if (!Array.isArray(list)) {
    ctx.addIssue({ code: "custom", message: "targets must be a list of ObjectIDs or {type, id} items" });
    return z.NEVER;
  }
  const targets: SyncTargetInput[] = [];
  list.forEach((item, index) => {
    const read = syncTargetOf(item);
    if ("target" in read) targets.push(read.target);
    else ctx.addIssue({ code: "custom", path: read.at ? [index, ...read.at.split(".")] : [index], message: read.problem });
  });
  return targets;
});

const policyValueEntry = z.object({
  configFieldID: objectId("configFieldID"),
  value: z.unknown(),
  sensitive: z.boolean().optional(),
  configFieldName: z.string().optional(),
});
export const policyValues = z.union([z.array(policyValueEntry), z.record(z.string(), z.unknown())]);
export type PolicyValuesInput = z.infer<typeof policyValues>;

export const templateRef = z.union([
  z.string().trim().min(1, "template must not be empty"),
  z.strictObject({ id: objectId("template.id") }),
  z.strictObject({ name: z.string().trim().min(1) }),
]);
export type TemplateRef = z.infer<typeof templateRef>;

/** A template given as a 24-hex string or { id } is an id; any other string or { name } is a name. */
export function templateRefKind(ref: TemplateRef): { id: string } | { name: string } {
  if (typeof ref === "string") return isObjectId(ref) ? { id: ref } : { name: ref };
  return ref;
}
