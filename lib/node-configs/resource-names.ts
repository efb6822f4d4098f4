import "server-only";
import { clientForCredential } from "@/lib/credentials/credential-connection";
import { AppError } from "@/lib/errors/app-error";
import { NodeConfigError } from "./node-config-errors";

/** Names change rarely; a short TTL keeps a renamed policy from showing its old name for long. */
export const NAMES_TTL_MS = 5 * 60_000;
/** Entries kept per process; the oldest go first. */
export const NAMES_CACHE_SIZE = 20_000;
/** Ids resolved per request: a table shows names for the ids of its first rows, not for a million. */
export const NAMES_MAX_IDS = 500;

interface Entry {
  /** null: looked up and not found (not asked again until it expires). */
  name: string | null;
  expires: number;
}

// Per process on purpose: a cache only saves requests, and every process fills its own from the same credential.
const cache = new Map<string, Entry>();

const keyOf = (credentialId: string, scope: Record<string, unknown>, kind: string, id: string) => `${credentialId}\u0000${JSON.stringify(scope)}\u0000${kind}\u0000${id}`;

function remember(key: string, name: string | null, now: number) {
  cache.delete(key);
  cache.set(key, { name, expires: now + NAMES_TTL_MS });
  while (cache.size > NAMES_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
}

export interface NamesQuery {
  credentialId: string;
  kind: string;
  ids: readonly string[];
  scope: Record<string, unknown>;
}

/**
 * Names of objects by id through the credential's integration, cached by credential, scope and id for a few minutes.
 * Only ids not cached are looked up; an id the service does not know is left out of the answer.
 */
export async function resolveNames(query: NamesQuery, now = Date.now()): Promise<Record<string, string>> {
  const ids = [...new Set(query.ids)].slice(0, NAMES_MAX_IDS);
  const names: Record<string, string> = {};
  const missing: string[] = [];
  for (const id of ids) {
    const entry = cache.get(keyOf(query.credentialId, query.scope, query.kind, id));
    if (entry && entry.expires > now) {
      if (entry.name !== null) names[id] = entry.name;
    } else missing.push(id);
  }
  if (missing.length === 0) return names;
  const { client, integration } = await clientForCredential(query.credentialId);
  if (!integration.names?.kinds.includes(query.kind)) {
    throw new NodeConfigError("invalid", `${integration.label} cannot name "${query.kind}" ids; it names ${integration.names?.kinds.join(", ") || "none"}.`);
  }
  const found = await integration.names.lookup(client, { kind: query.kind, ids: missing, scope: query.scope });
  for (const id of missing) {
    const name = found[id] ?? null;
    remember(keyOf(query.credentialId, query.scope, query.kind, id), name, now);
    if (name !== null) names[id] = name;
  }
  return names;
}

/** Names for every kind of id in some records (a run's sample), best effort: a lookup that fails leaves ids unnamed. */
export async function resolveNamesOf(
  references: ReadonlyArray<{ kind: string; id: string }>,
  credentialId: string,
  scope: Record<string, unknown>,
): Promise<Record<string, Record<string, string>>> {
  const byKind = new Map<string, string[]>();
  for (const { kind, id } of references) byKind.set(kind, [...(byKind.get(kind) ?? []), id]);
  const entries = await Promise.all(
    [...byKind].map(async ([kind, ids]) => {
      try {
        return [kind, await resolveNames({ credentialId, kind, ids, scope })] as const;
      } catch (error) {
        if (error instanceof AppError) return [kind, {}] as const;
        throw error;
      }
    }),
  );
  return Object.fromEntries(entries);
}
