// The one place zod's issues become the app's: located issues for node configs and API bodies
// ("policyData.name is required"), and field messages for forms (shown beside each input). Browser-safe.
import type { z } from "zod";
import { formatPath, type PathSegment } from "@/lib/json/json-value";
import type { Issue } from "./app-error";

interface Described {
  path: string;
  /** Without the path, for a message shown beside its field. */
  bare: string;
}

/** The value at an issue's path in what was parsed (zod reports no input unless asked to). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/** A value that is absent, as opposed to present with the wrong type. */
function isMissing(issue: z.core.$ZodIssue, parsed: { input?: unknown }): boolean {
  if (issue.code !== "invalid_type") return false;
  return "input" in parsed ? valueAt(parsed.input, issue.path) === undefined : /received undefined$/.test(issue.message);
}

function describe(issue: z.core.$ZodIssue, prefix: readonly PathSegment[], parsed: { input?: unknown }): Described {
  const path = formatPath([...prefix, ...issue.path.filter((segment): segment is PathSegment => typeof segment !== "symbol")]);
  if (isMissing(issue, parsed)) return { path, bare: "is required" };
  // zod's own union summary ("Invalid input") says nothing a user can act on.
  if (issue.code === "invalid_union" && issue.message.startsWith("Invalid input")) return { path, bare: "has an unsupported value" };
  return { path, bare: issue.message };
}

/** "policyData.name is required", "API Key must not contain spaces": the field named first, once. */
function located({ bare }: Described, name: string): string {
  if (name === "") return bare;
  if (bare.startsWith(name)) return bare;
  return /^(is|has|must) /.test(bare) ? `${name} ${bare}` : `${name}: ${bare}`;
}

export interface IssueOptions {
  /** What was parsed, to tell a missing value from a wrong one. */
  input?: unknown;
  /** Segments the issue paths sit under (`input`, `parameters`). */
  prefix?: readonly PathSegment[];
  /** Words for paths in messages (form labels: `apiKey` → "API Key"); the issue's path stays the path. */
  labels?: Readonly<Record<string, string>>;
}

/** Each zod issue as an error located by its template-style path. */
export function issuesFromZod(error: z.ZodError, options: IssueOptions = {}): Issue[] {
  return error.issues.map((issue) => {
    const described = describe(issue, options.prefix ?? [], options);
    return { path: described.path, message: located(described, options.labels?.[described.path] ?? described.path), severity: "error" as const };
  });
}

/** Field -> its first message, for forms that show each message beside its input (`_` for the form as a whole). */
export function fieldErrorsFromZod(error: z.ZodError, input?: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const { path, bare } = describe(issue, [], input === undefined ? {} : { input });
    out[path || "_"] ??= bare === "is required" ? "Required" : bare;
  }
  return out;
}

/** One sentence for a set of issues: the first error, and how many more. */
export function summarizeIssues(issues: readonly Issue[], fallback = "The input is not valid."): string {
  const errors = issues.filter((issue) => issue.severity === "error");
  const first = errors[0];
  if (!first) return fallback;
  return errors.length > 1 ? `${first.message} (and ${errors.length - 1} more)` : first.message;
}
