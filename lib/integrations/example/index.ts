// A tiny test-only service (no network: it answers from memory) that proves the integration contract: it runs
// through the builder's preview, a server-action run and the HTTP API with nothing of it outside this folder but
// its line in registry.ts. Offered only when TEST_INTEGRATIONS is set.
import { z } from "zod";
import { MASK } from "../curl";
import { IntegrationError } from "../errors";
import type { IntegrationClient, IntegrationDefinition, OperationDescription, ValidParameters } from "../types";
import { createNote, say } from "./operations";

const errorKinds = {
  invalidParameters: { status: 400, advice: "Correct the field named in the message." },
  authenticationFailed: { status: 422, advice: "Check the token in the credential; tokens starting with revoked are refused." },
} as const;

const fail = (kind: keyof typeof errorKinds, message: string, path?: string) =>
  new IntegrationError({ service: "example", kind, spec: errorKinds[kind], message, ...(path ? { path } : {}) });

const tokenSchema = z.string().trim().min(8, "Token must be at least 8 characters");
const ORIGIN = "https://example.invalid";

function createClient(token: string): IntegrationClient {
  let notes = 0;
  const authorized = () => {
    if (token.startsWith("revoked")) throw fail("authenticationFailed", "The token was refused: it has been revoked.");
  };
  return {
    async run(operation: OperationDescription, parameters: ValidParameters) {
      const started = performance.now();
      authorized();
      const meta = () => ({ requests: 1, pages: 1, durationMs: Math.round(performance.now() - started), warnings: [] });
      if (operation === say) {
        const name = String(parameters.name);
        const times = Number(parameters.times ?? 1);
        return { items: Array.from({ length: times }, (_, index) => ({ message: `Hello, ${name}!`, index })), meta: meta() };
      }
      notes += 1;
      return { items: [{ id: `note_${notes}`, ...(parameters.note as object) }], meta: meta() };
    },
    plan: (operation, parameters) => example.planRequests({ operation, parameters, auth: { type: "token" }, connection: {}, allowedOrigins: [] }),
    async testConnection() {
      const started = performance.now();
      try {
        authorized();
        return { ok: true, latencyMs: Math.round(performance.now() - started), message: "Connected to the example service." };
      } catch (error) {
        return { ok: false, latencyMs: Math.round(performance.now() - started), error: error as IntegrationError };
      }
    },
  };
}

export const example: IntegrationDefinition = {
  id: "example",
  label: "Example (test fixture)",
  description: "A service that answers from memory, for the test suites.",
  testOnly: true,
  authTypes: [
    {
      id: "token",
      label: "Token",
      description: "A bearer token.",
      recommended: true,
      fields: [{ name: "token", label: "Token", help: "Any token of 8 characters or more; revoked… tokens are refused.", kind: "secret", secret: true, required: true, schema: tokenSchema }],
    },
  ],
  connectionFields: [],
  parseAuth(authType, values) {
    const parsed = tokenSchema.safeParse(values.token);
    if (authType !== "token") throw fail("invalidParameters", `Unknown auth type "${authType}": use token.`);
    if (!parsed.success) throw fail("invalidParameters", parsed.error.issues[0]!.message, "token");
    return parsed.data;
  },
  parseConnection: () => ({}),
  checkConnection: () => {},
  describeAuth: () => ({ type: "token" }),
  resources: [
    { id: "greeting", label: "Greeting" },
    { id: "note", label: "Note" },
  ],
  operations: [say, createNote],
  scopeParameters: [],
  planRequests({ operation, parameters }) {
    const query = operation === say ? `?${new URLSearchParams(Object.entries(parameters).map(([k, v]) => [k, String(v)])).toString()}` : "";
    const body = operation === createNote ? parameters.note : undefined;
    return {
      requests: [
        {
          method: operation.endpoint.method,
          url: `${ORIGIN}${operation.endpoint.path}${query}`,
          headers: { Authorization: `Bearer ${MASK}` },
          ...(body === undefined ? {} : { body }),
          purpose: `${operation.label} ${operation.resource}`,
        },
      ],
      notes: [],
    };
  },
  curlVariables: { Authorization: "EXAMPLE_TOKEN" },
  createClient: ({ auth }) => createClient(auth as string),
  listOptions: async () => ({ options: [], limited: false }),
  loaders: {},
  errorKinds,
  testHeadline: (kind) => (kind === "authenticationFailed" ? "Invalid token" : "Connection failed"),
};
