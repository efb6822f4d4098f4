import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { API_ENDPOINTS, type ApiEndpoint } from "@/lib/api/api-endpoints";
import { MAX_BODY_BYTES } from "@/lib/api/read-json-body";
import { API_SCOPE_DESCRIPTIONS, API_SCOPES } from "@/lib/api-tokens/api-token-scopes";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { enabledIntegrations } from "@/lib/integrations/enabled";

export const metadata: Metadata = { title: "API reference" };

function curl(endpoint: ApiEndpoint): string {
  const path = endpoint.path.replace("{id}", "<id>");
  const lines = [`curl -X ${endpoint.method} "$APP_URL${path}"`, `  -H "Authorization: Bearer $JCM_TOKEN"`];
  if (endpoint.example !== undefined) {
    lines.push(`  -H "Content-Type: application/json"`, `  -d '${JSON.stringify(endpoint.example, null, 2).replace(/'/g, "'\\''")}'`);
  }
  return lines.join(" \\\n");
}

const code = "overflow-x-auto rounded-md bg-zinc-950 p-3 font-mono text-xs text-zinc-100";

export default async function ApiReferencePage() {
  await requirePageUser("viewer");
  const endpoints: ApiEndpoint[] = Object.values(API_ENDPOINTS);
  return (
    <div className="max-w-4xl min-w-0 space-y-6 wrap-anywhere">
      <PageHeader
        title="API reference"
        description={
          <>
            Workflow engines run and inspect nodes over HTTP with a personal token from{" "}
            <Link href="/settings/api-tokens" className="text-brand-600 underline">
              Settings → API tokens
            </Link>
            . Runs take the same path as the node builder and appear under Runs. The machine-readable description is{" "}
            <a href="/api/v1/openapi.json" className="font-mono text-brand-600 underline">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1).
          </>
        }
      />

      <Card className="space-y-3 text-sm">
        <h2 className="text-lg font-medium">Authentication and errors</h2>
        <p>
          Send <code className="font-mono">Authorization: Bearer jcm_…</code>. A token acts with its owner&apos;s current role, never more, and only within its scopes:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          {API_SCOPES.map((scope) => (
            <li key={scope}>
              <code className="font-mono">{scope}</code>: {API_SCOPE_DESCRIPTIONS[scope]}
            </li>
          ))}
        </ul>
        <p>
          Bodies are JSON (<code className="font-mono">Content-Type: application/json</code>, otherwise 415) of at most {MAX_BODY_BYTES / 1024 / 1024} MB (otherwise 413). Every
          error has the same shape; <code className="font-mono">kind</code> is stable for programs and <code className="font-mono">path</code> names the field at fault:
        </p>
        <pre className={code}>{`{ "error": { "kind": "invalidConfig", "message": "policyData.name is required", "path": "policyData.name" } }`}</pre>
      </Card>

      {endpoints.map((endpoint) => (
        <Card key={endpoint.operationId} className="space-y-3 text-sm" data-testid={`endpoint-${endpoint.operationId}`}>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="brand">{endpoint.method}</Badge>
            <code className="font-mono font-semibold">{endpoint.path}</code>
            <span className="text-zinc-500">{endpoint.summary}</span>
          </div>
          <p>{endpoint.description}</p>
          <p className="text-zinc-500">
            Role: {ROLE_LABELS[endpoint.role]} or higher · Token scope: <code className="font-mono">{endpoint.scopes.join(" or ")}</code>
          </p>
          <pre className={code}>{curl(endpoint)}</pre>
          <table className="w-full text-left">
            <thead className="text-xs uppercase text-zinc-500">
              <tr>
                <th className="py-1 pr-4">Status</th>
                <th className="py-1">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries({ 200: "OK", 401: "No session and no valid token", 403: "Role or token scope too low", ...endpoint.errors }).map(([status, meaning]) => (
                <tr key={status} className="border-t border-zinc-100 dark:border-zinc-800">
                  <td className="py-1 pr-4 font-mono">{status}</td>
                  <td className="py-1">{meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ))}

      {enabledIntegrations().map((integration) => (
      <Card key={integration.id} className="space-y-3 text-sm">
        <h2 className="text-lg font-medium">{integration.label}: node parameters by operation</h2>
        <p>
          The <code className="font-mono">node</code> of a request is the platform&apos;s format:{" "}
          <code className="font-mono">{`{ "integration_service": "${integration.id}", "resource", "operation", "parameters", "credential" }`}</code>. Parameter values may be{" "}
          <code className="font-mono">{"{{ path }}"}</code> templates over <code className="font-mono">input</code>; values missing from the node are taken from{" "}
          <code className="font-mono">input</code> under the parameter&apos;s name or its snake_case form.
        </p>
        {integration.resources.map((resource) => (
          <div key={resource.id} className="space-y-2">
            <h3 className="font-medium">
              {resource.label} <code className="font-mono text-xs text-zinc-500">{resource.id}</code>
            </h3>
            {integration.operations
              .filter((op) => op.resource === resource.id)
              .map((op) => (
                <details key={op.operation} className="rounded border border-zinc-200 p-2 dark:border-zinc-800">
                  <summary className="cursor-pointer">
                    <code className="font-mono">{op.operation}</code> · {op.label}: {op.description}
                  </summary>
                  <ul className="mt-2 space-y-1 pl-4">
                    {op.parameters.map((parameter) => (
                      <li key={parameter.name}>
                        <code className="font-mono">{parameter.name}</code>
                        {parameter.required && <span className="text-red-600"> (required)</span>} · {parameter.label}: {parameter.help}
                      </li>
                    ))}
                  </ul>
                  <pre className={`${code} mt-2`}>{JSON.stringify({ integration_service: integration.id, resource: op.resource, operation: op.operation, parameters: op.example }, null, 2)}</pre>
                </details>
              ))}
          </div>
        ))}
      </Card>
      ))}
    </div>
  );
}
