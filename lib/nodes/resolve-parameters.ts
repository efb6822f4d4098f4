// merge -> render -> validate: the parameters a node config will run with, or located issues saying why
// not. Browser-safe, so the preview shows exactly what a run would do.
import type { z } from "zod";
import { isJumpCloudError } from "@/lib/integrations/jumpcloud/errors";
import { parseFilter, validateFields, validateSort } from "@/lib/integrations/jumpcloud/filters";
import type { OperationSpec } from "@/lib/integrations/jumpcloud/operations";
import { requireOperation } from "@/lib/integrations/jumpcloud/params";
import { closestFields, findFieldWarnings } from "./field-warnings";
import { formatPath, type JsonObject, type JsonValue, type NodeIssue, type PathSegment } from "./json-value";
import { mergeParameters, type ParameterSource } from "./merge";
import { parseInputData, type NodeConfig } from "./node-config";
import { renderTemplates, type TemplateIssue } from "./templates";

export const SUPPORTED_SERVICES = ["jumpcloud"] as const;

export interface ResolvedParameters {
  /** The validated parameters (the registry schema's output) when there are no errors, else the merged, rendered values. */
  parameters: Record<string, unknown>;
  /** Where each value came from, for the preview. */
  sources: ParameterSource[];
  issues: NodeIssue[];
  /** True when no issue is an error: the parameters can be run. */
  valid: boolean;
}

function templateIssue(issue: TemplateIssue): NodeIssue {
  return { path: issue.parameterPath, message: issue.message, severity: "error" };
}

function zodIssues(error: z.ZodError): NodeIssue[] {
  return error.issues.map((issue) => {
    const path = formatPath(issue.path.filter((segment): segment is PathSegment => typeof segment !== "symbol"));
    const where = path === "" ? "parameters" : path;
    let message = issue.message;
    if (issue.code === "invalid_type" && issue.input === undefined) message = `${where} is required`;
    else if (issue.code === "invalid_union" && message.startsWith("Invalid input")) message = `${where} has an unsupported value`;
    else if (!message.startsWith(where)) message = `${where}: ${message}`;
    return { path, message, severity: "error" as const };
  });
}

function listSyntaxIssues(parameters: Record<string, unknown>): NodeIssue[] {
  const options = parameters.options as { filter?: string[]; sort?: string[]; fields?: string[] } | undefined;
  if (options === undefined) return [];
  const issues: NodeIssue[] = [];
  const collect = (check: () => void) => {
    try {
      check();
    } catch (error) {
      if (!isJumpCloudError(error)) throw error;
      issues.push({ path: error.parameterPath ?? "options", message: error.message, severity: "error" });
    }
  };
  (options.filter ?? []).forEach((filter, index) => collect(() => parseFilter(filter, `options.filter[${index}]`)));
  collect(() => validateSort(options.sort ?? []));
  collect(() => validateFields(options.fields ?? []));
  return issues;
}

function unknownParameterWarnings(op: OperationSpec, nodeParameters: JsonObject): NodeIssue[] {
  const names = op.parameters.map((parameter) => parameter.name);
  const accepted = new Set([...names, ...op.parameters.flatMap((parameter) => parameter.aliases ?? [])]);
  return Object.keys(nodeParameters)
    .filter((key) => !accepted.has(key))
    .map((key) => {
      const closest = closestFields(key, names);
      const hint = closest.length > 0 ? `did you mean ${closest.join(" or ")}?` : `its parameters are ${names.join(", ")}`;
      return {
        path: formatPath([key]),
        severity: "warning" as const,
        message: `${key} is not a parameter of ${op.resource} ${op.operation} and is ignored (${hint})`,
      };
    });
}

/** Values that came whole from one `{{ template }}` are labelled "input", with the input path they read. */
function labelTemplateSources(sources: ParameterSource[], references: ReturnType<typeof renderTemplates>["references"]): ParameterSource[] {
  return sources.map((source) => {
    const reference = references.find(
      (candidate) =>
        candidate.parameterPath.length <= source.segments.length &&
        candidate.parameterPath.every((segment, index) => source.segments[index] === segment),
    );
    if (reference === undefined || source.source !== "node") return source;
    const rest = formatPath(source.segments.slice(reference.parameterPath.length));
    const inputKey = rest === "" ? reference.inputPath : rest.startsWith("[") ? `${reference.inputPath}${rest}` : `${reference.inputPath}.${rest}`;
    return { ...source, source: "input", inputKey };
  });
}

// The preview re-resolves on every keystroke against the same input document; check each document once.
// Input data is never mutated here, so an object's verdict cannot go stale.
const inputIssueCache = new WeakMap<object, NodeIssue[]>();

function checkInput(input: JsonValue): NodeIssue[] {
  const cached = typeof input === "object" && input !== null ? inputIssueCache.get(input) : undefined;
  if (cached !== undefined) return cached;
  const checked = parseInputData(input);
  const issues = checked.ok ? [] : checked.issues;
  if (typeof input === "object" && input !== null) inputIssueCache.set(input, issues);
  return issues;
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/**
 * Resolves a parsed node config against the upstream input: node parameters are rendered (extracted
 * values are taken verbatim, never templated), merged over the values extracted from the input, and
 * validated against the operation's schema from the registry.
 */
export function resolveParameters(config: NodeConfig, input: JsonValue | undefined): ResolvedParameters {
  const issues: NodeIssue[] = [];
  const finish = (parameters: Record<string, unknown>, sources: ParameterSource[]): ResolvedParameters => ({
    parameters,
    sources,
    issues,
    valid: !issues.some((issue) => issue.severity === "error"),
  });

  if (!(SUPPORTED_SERVICES as readonly string[]).includes(config.integration_service)) {
    issues.push({
      path: "integration_service",
      severity: "error",
      message: `integration_service "${config.integration_service}" is not supported; use ${SUPPORTED_SERVICES.join(", ")}`,
    });
    return finish(config.parameters, []);
  }
  let op: OperationSpec;
  try {
    op = requireOperation(config.resource, config.operation);
  } catch (error) {
    if (!isJumpCloudError(error)) throw error;
    issues.push({ path: error.parameterPath ?? "operation", message: error.message, severity: "error" });
    return finish(config.parameters, []);
  }

  if (input !== undefined) issues.push(...checkInput(input));

  const rendered = renderTemplates(config.parameters, input);
  issues.push(...rendered.issues.map(templateIssue));
  const merged = mergeParameters({
    nodeParameters: rendered.value as JsonObject,
    input,
    parameterNames: op.parameters.map((parameter) => parameter.name),
    extraAliases: Object.fromEntries(op.parameters.map((parameter) => [parameter.name, parameter.aliases ?? []])),
  });
  const sources = labelTemplateSources(merged.sources, rendered.references);
  issues.push(...unknownParameterWarnings(op, config.parameters));
  issues.push(...findFieldWarnings(op.resource, merged.parameters));

  const validated = op.schema.safeParse(merged.parameters);
  if (!validated.success) {
    // A template that did not resolve is already reported where it was written; skip the echo.
    const unresolved = rendered.issues.map((issue) => issue.parameterPath);
    issues.push(...zodIssues(validated.error).filter((issue) => !unresolved.some((path) => isUnder(issue.path, path))));
    return finish(merged.parameters, sources);
  }
  issues.push(...listSyntaxIssues(validated.data));
  return finish(validated.data, sources);
}
