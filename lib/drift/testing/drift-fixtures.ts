// Changing the simulator's policies through its JumpCloud API, as an admin in the console would: the drift that
// baselines must notice.
import type { Simulator } from "@/simulator/server";

type Json = Record<string, unknown>;

export function simulatorApi(sim: Simulator) {
  const headers = { "x-api-key": sim.keys.singleOrg, Accept: "application/json", "Content-Type": "application/json" };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sim.origin}/api/v2${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };
  const policy = (id: string) => call("GET", `/policies/${id}`) as Promise<Json & { values: Array<{ configFieldID: string; value: unknown }>; configFields: Json[] }>;
  return {
    call,
    policies: () => call("GET", "/policies?limit=100") as Promise<Array<{ id: string; name: string }>>,
    policy,
    associations: (id: string) => call("GET", `/policies/${id}/associations?targets=system,system_group&limit=100`) as Promise<Array<{ to: { id: string; type: string } }>>,
    associate: (id: string, op: "add" | "remove", type: string, target: string) => call("POST", `/policies/${id}/associations`, { op, type, id: target }),
    /** Writes the policy back with `change` applied (JumpCloud's PUT replaces the whole policy). */
    async put(id: string, change: { name?: string; notes?: string; values?: Array<{ configFieldID: string; value: unknown }> }) {
      const current = await policy(id);
      const values = current.values.map((v) => change.values?.find((c) => c.configFieldID === v.configFieldID) ?? v);
      await call("PUT", `/policies/${id}`, { name: change.name ?? current.name, notes: change.notes ?? current.notes, values });
    },
    /** A number field of the policy and a different valid value for it. */
    async numberChange(id: string): Promise<{ configFieldID: string; name: string; from: unknown; to: number }> {
      const current = await policy(id);
      for (const field of current.configFields) {
        if (field.displayType !== "number") continue;
        const value = current.values.find((v) => v.configFieldID === field.id);
        const min = ((field.validators as Json | undefined)?.min as number | undefined) ?? 0;
        if (!value) continue;
        return { configFieldID: field.id as string, name: field.name as string, from: value.value, to: value.value === min ? min + 1 : min };
      }
      throw new Error(`Policy ${id} has no number field`);
    },
  };
}
