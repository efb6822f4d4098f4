// The one validation pass: an operation's schema over its parameters. What passes is branded ValidParameters, the
// only thing a client runs; nothing downstream parses again. Browser-safe.
import type { Issue } from "@/lib/errors/app-error";
import { AppError } from "@/lib/errors/app-error";
import { issuesFromZod, summarizeIssues } from "@/lib/errors/zod-issues";
import type { OperationDescription, ValidParameters } from "./types";

export type Validation = { ok: true; parameters: ValidParameters } | { ok: false; issues: Issue[] };

export function validateParameters(op: OperationDescription, raw: unknown): Validation {
  const parsed = op.schema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error, { input: raw ?? {} }) };
  return { ok: true, parameters: parsed.data as ValidParameters };
}

/** For parameters the app writes itself (a picker's lookup, a monitor's listing): a failure is a refusal. */
export function validParameters(op: OperationDescription, raw: unknown): ValidParameters {
  const result = validateParameters(op, raw);
  if (result.ok) return result.parameters;
  throw new AppError("invalidConfig", summarizeIssues(result.issues), { issues: result.issues, ...(result.issues[0] ? { path: result.issues[0].path } : {}) });
}
