import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Keyring } from "./keyring";
import { planRotation } from "./rotate";
import { envelopeKeyId, open, seal } from "./secret-box";

const oldEntry = { keyId: "old", key: randomBytes(32) };
const newEntry = { keyId: "new", key: randomBytes(32) };
const before = new Keyring(oldEntry);
const after = new Keyring(newEntry, [oldEntry]);

function row(id: string, keyring: Keyring) {
  const aad = { credentialId: id, service: "jumpcloud" };
  return { id, service: "jumpcloud", envelope: seal({ apiKey: `secret-${id}` }, { keyring, aad }) };
}

describe("planRotation", () => {
  it("re-seals only rows not on the primary key, and the result still opens", () => {
    const rows = [row("c1", before), row("c2", after), row("c3", before)];
    const plan = planRotation(rows, after);
    expect(plan.unchanged).toEqual(["c2"]);
    expect(plan.failures).toEqual([]);
    expect(plan.updates.map((update) => [update.id, update.fromKeyId, update.toKeyId])).toEqual([
      ["c1", "old", "new"],
      ["c3", "old", "new"],
    ]);
    for (const update of plan.updates) {
      expect(envelopeKeyId(update.envelope)).toBe("new");
      const aad = { credentialId: update.id, service: "jumpcloud" };
      expect(open(update.envelope, { keyring: new Keyring(newEntry), aad })).toEqual({ apiKey: `secret-${update.id}` });
    }
  });

  it("is idempotent: a second run over rotated rows changes nothing", () => {
    const rows = [row("c1", before), row("c2", before)];
    const first = planRotation(rows, after);
    const rotated = rows.map((r) => ({ ...r, envelope: first.updates.find((u) => u.id === r.id)?.envelope ?? r.envelope }));
    const second = planRotation(rotated, after);
    expect(second.updates).toEqual([]);
    expect(second.unchanged).toEqual(["c1", "c2"]);
  });

  it("reports rows it cannot open instead of aborting the batch", () => {
    const stranger = new Keyring({ keyId: "gone", key: randomBytes(32) });
    const moved = { ...row("c1", before), id: "c9" };
    const plan = planRotation([row("c0", stranger), moved, row("c2", before)], after);
    expect(plan.failures.map((failure) => [failure.id, failure.error.kind])).toEqual([
      ["c0", "unknownKey"],
      ["c9", "cannotDecrypt"],
    ]);
    expect(plan.updates.map((update) => update.id)).toEqual(["c2"]);
  });
});
