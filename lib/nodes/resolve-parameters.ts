// merge -> render -> validate: the parameters a node config will run with, or located issues saying why
// not. The only validator of a run's parameters. Browser-safe, so the preview shows exactly what a run would do.
import type { Issue } from "@/lib/errors/app-error";
import { isAppError, limitIssues } from "@/lib/errors/app-error";
import { formatPath, isPlainObject, type JsonObject, type JsonValue, type NodeIssue, type PathSegment } from "@/lib/json/json-value";
import { validateParameters } from "@/lib/integrations/parameters";
import { requireIntegration, requireOperation } from "@/lib/integrations/registry";
import type { DynamicFieldSet, IntegrationDefinition, OperationDescription, ParameterSpec, ValidParameters } from "@/lib/integrations/types";
import { closestNames } from "@/lib/text/closest-names";
import { mergeParameters, type ParameterSource } from "./merge";
import { parseInputData, type NodeConfig } from "./node-config";
import { renderTemplates, type TemplateIssue } from "./templates";

export interface ResolvedParameters {
  /** The validated parameters (the schema's output) when there are no errors, else the merged, rendered values. */
  parameters: Record<string, unknown>;
  /** Where each value came from, for the preview. */
  sources: ParameterSource[];
  issues: NodeIssue[];
  /** True when no issue is an error: the parameters can be run. */
  valid: boolean;
  /** Set when valid: what a client runs, with the operation it belongs to. */
  run?: { integration: IntegrationDefinition; operation: OperationDescription; parameters: ValidParameters };
}

export interface ResolveOptions {
  /** The browser's builder offers what the server handed it; the server passes its configuration. */
  includeTestOnly: boolean;
  /** Fields loaded for a dynamic-fields parameter, by its path (`policyData.values`): its value is checked against them. */
  dynamicFields?: Readonly<Record<string, DynamicFieldSet>>;
  /** The time template helpers count from; now by default. */
  now?: number;
}

function templateIssue(issue: TemplateIssue): NodeIssue {
  return { path: issue.parameterPath, message: issue.message, severity: "error" };
}

function unknownParameterWarnings(op: OperationDescription, nodeParameters: JsonObject): NodeIssue[] {
  const names = op.parameters.map((parameter) => parameter.name);
  const accepted = new Set([...names, ...op.parameters.flatMap((parameter) => parameter.aliases ?? [])]);
  return Object.keys(nodeParameters)
    .filter((key) => !accepted.has(key))
    .map((key) => {
      const closest = closestNames(key, names);
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

/** Every parameter spec with its path, collections walked into. */
function specsWithPaths(specs: readonly ParameterSpec[], base: PathSegment[] = []): Array<{ spec: ParameterSpec; path: PathSegment[] }> {
  return specs.flatMap((spec) => [{ spec, path: [...base, spec.name] }, ...specsWithPaths(spec.children ?? [], [...base, spec.name])]);
}

function valueAt(root: JsonObject, path: readonly PathSegment[]): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const segment of path) value = isPlainObject(value) ? value[String(segment)] : undefined;
  return value;
}

/**
 * A collection's child that names top-level input keys (`extractAs`) is filled from them when neither the node nor
 * the extracted collection gives it, like any extracted parameter: additionalFields.xOrgId from an input `xOrgId`.
 */
function extractNested(op: OperationDescription, parameters: JsonObject, input: JsonValue | undefined, sources: ParameterSource[]): void {
  if (!isPlainObject(input)) return;
  for (const parent of op.parameters) {
    for (const child of parent.children ?? []) {
      const inputKey = child.extractAs?.find((key) => Object.hasOwn(input, key));
      const holder = parameters[parent.name];
      if (inputKey === undefined || (holder !== undefined && !isPlainObject(holder)) || (isPlainObject(holder) && holder[child.name] !== undefined)) continue;
      parameters[parent.name] = { ...(isPlainObject(holder) ? holder : {}), [child.name]: input[inputKey]! };
      const segments = [parent.name, child.name];
      sources.push({ path: formatPath(segments), segments, source: "extracted", inputKey });
    }
  }
}

const isUnder = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** The service and operation a config names, or the issue saying which exist. */
function locate(config: NodeConfig, options: ResolveOptions): { integration: IntegrationDefinition; op: OperationDescription } | Issue {
  try {
    const integration = requireIntegration(config.integration_service, options);
    return { integration, op: requireOperation(integration, config.resource, config.operation) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { path: error.path ?? "operation", message: error.message, severity: "error" };
  }
}

/**
 * Resolves a parsed node config against the upstream input: node parameters are rendered (extracted
 * values are taken verbatim, never templated), merged over the values extracted from the input, and
 * validated against the operation's schema from the registry.
 */
export function resolveParameters(config: NodeConfig, input: JsonValue | undefined, options: ResolveOptions): ResolvedParameters {
  const issues: NodeIssue[] = [];
  const finish = (parameters: Record<string, unknown>, sources: ParameterSource[], run?: ResolvedParameters["run"]): ResolvedParameters => {
    const valid = !issues.some((issue) => issue.severity === "error");
    return { parameters, sources, issues: limitIssues(issues), valid, ...(valid && run ? { run } : {}) };
  };

  const located = locate(config, options);
  if ("message" in located) {
    issues.push(located);
    return finish(config.parameters, []);
  }
  const { integration, op } = located;

  // Appended one by one: spreading thousands of issues into push() overflows the call stack (RangeError).
  const add = (more: readonly NodeIssue[]) => {
    for (const issue of more) issues.push(issue);
  };
  if (input !== undefined) add(checkInput(input));

  const rendered = renderTemplates(config.parameters, input, [], options.now === undefined ? {} : { now: options.now });
  add(rendered.issues.map(templateIssue));
  const merged = mergeParameters({
    nodeParameters: rendered.value as JsonObject,
    input,
    parameterNames: op.parameters.map((parameter) => parameter.name),
    extraAliases: Object.fromEntries(op.parameters.map((parameter) => [parameter.name, parameter.aliases ?? []])),
  });
  const sources = labelTemplateSources(merged.sources, rendered.references);
  extractNested(op, merged.parameters, input, sources);
  add(unknownParameterWarnings(op, config.parameters));
  add(op.warnings?.(merged.parameters) ?? []);

  // A template that did not resolve is already reported where it was written; skip the echo.
  const unresolved = rendered.issues.map((issue) => issue.parameterPath);
  const notEcho = (issue: NodeIssue) => !unresolved.some((path) => isUnder(issue.path, path));
  for (const { spec, path } of specsWithPaths(op.parameters)) {
    const fieldSet = options.dynamicFields?.[formatPath(path)];
    const value = valueAt(merged.parameters, path);
    if (fieldSet && spec.dynamicFields?.check && value !== undefined) add(spec.dynamicFields.check(fieldSet.fields, value, formatPath(path)).filter(notEcho));
  }

  const validated = validateParameters(op, merged.parameters);
  if (!validated.ok) {
    add(validated.issues.filter(notEcho));
    return finish(merged.parameters, sources);
  }
  return finish(validated.parameters, sources, { integration, operation: op, parameters: validated.parameters });
}
