import { describe, expect, it } from "vitest";
import { HttpError } from "./http-io";
import { listPage, parseFilters, parseListQuery, type ListQuery } from "./query";

const ALL = { sort: true, filter: true, fields: true };
const query = (qs: string): ListQuery => parseListQuery(new URLSearchParams(qs), ALL);

const rows = [
  { id: "a3", name: "Gamma", exitStatus: 0, success: true, startedAt: "2026-10-03T10:00:00.000Z", template: { osMetaFamily: "linux" } },
  { id: "a1", name: "Alpha", exitStatus: 2, success: false, startedAt: "2026-10-01T10:00:00.000Z", template: { osMetaFamily: "windows" } },
  { id: "a2", name: "Beta", exitStatus: 0, success: true, startedAt: "2026-10-02T10:00:00.000Z", template: { osMetaFamily: "darwin" } },
  { id: "a4", name: "Alpha", exitStatus: 127, success: false, startedAt: "2026-10-04T10:00:00.000Z", template: { osMetaFamily: "windows" } },
];
const known = ["id", "name", "exitStatus", "success", "startedAt", "template"];
const ids = (qs: string) => listPage(rows, query(qs), { knownFields: known }).items.map((r) => r.id);

function badRequestMessage(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    return String((error as HttpError).body.message);
  }
  throw new Error("expected a 400");
}

describe("limit and skip", () => {
  it("defaults to limit 10, skip 0", () => {
    expect(query("")).toMatchObject({ limit: 10, skip: 0 });
  });

  it("rejects limit over 100 with JumpCloud's exact body", () => {
    try {
      query("limit=101");
      expect.unreachable();
    } catch (error) {
      expect((error as HttpError).body).toEqual({ message: 'Bad Request: request parameter "limit" exceeds maximum value of 100' });
    }
  });

  it("rejects a negative skip and a non-integer limit", () => {
    expect(badRequestMessage(() => query("skip=-1"))).toMatch(/skip/);
    expect(badRequestMessage(() => query("limit=ten"))).toMatch(/limit/);
  });
});

describe("sort", () => {
  it("sorts ascending, descending and by several keys, breaking ties by id", () => {
    expect(ids("sort=name")).toEqual(["a1", "a4", "a2", "a3"]);
    expect(ids("sort=-name")).toEqual(["a3", "a2", "a1", "a4"]);
    expect(ids("sort=-success,-startedAt")).toEqual(["a3", "a2", "a4", "a1"]);
    expect(ids("sort=exitStatus&sort=-name")).toEqual(["a3", "a2", "a1", "a4"]);
  });
});

describe("filter", () => {
  it("supports every operator, typed after the field", () => {
    expect(ids("filter=name:eq:Alpha")).toEqual(["a1", "a4"]);
    expect(ids("filter=name:ne:Alpha")).toEqual(["a3", "a2"]);
    expect(ids("filter=exitStatus:gt:0")).toEqual(["a1", "a4"]);
    expect(ids("filter=exitStatus:ge:2")).toEqual(["a1", "a4"]);
    expect(ids("filter=exitStatus:lt:2")).toEqual(["a3", "a2"]);
    expect(ids("filter=exitStatus:le:2")).toEqual(["a3", "a1", "a2"]);
    expect(ids("filter=success:eq:false")).toEqual(["a1", "a4"]);
    expect(ids("filter=startedAt:between:2026-10-02|2026-10-03T23:59:59Z")).toEqual(["a3", "a2"]);
    expect(ids("filter=exitStatus:between:1|127")).toEqual(["a1", "a4"]);
    expect(ids("filter=name:in:Beta|Gamma")).toEqual(["a3", "a2"]);
    expect(ids("filter=name:search:amm")).toEqual(["a3"]);
    expect(ids("filter=name:eq:Al*")).toEqual(["a1", "a4"]);
    expect(ids("filter=template.osMetaFamily:eq:windows")).toEqual(["a1", "a4"]);
  });

  it("is case sensitive, as the spec says", () => {
    expect(ids("filter=name:eq:alpha")).toEqual([]);
    expect(ids("filter=name:search:alp")).toEqual([]);
  });

  it("ANDs repeated filters and splits comma-joined ones only at filter boundaries", () => {
    expect(ids("filter=name:eq:Alpha&filter=exitStatus:gt:10")).toEqual(["a4"]);
    expect(ids("filter=name:eq:Alpha,exitStatus:gt:10")).toEqual(["a4"]);
    expect(parseFilters(["name:eq:Smith, John"])).toEqual([{ field: "name", operator: "eq", values: ["Smith, John"] }]);
  });

  it("matches unknown fields like Mongo (only ne) and reports them", () => {
    const page = listPage(rows, query("filter=status:eq:failed&sort=-timestamp"), { knownFields: known });
    expect(page.items).toEqual([]);
    expect(page.unknownFields).toEqual(["status", "timestamp"]);
    expect(ids("filter=status:ne:success")).toHaveLength(4);
  });

  it("rejects invalid syntax with a clear 400", () => {
    expect(badRequestMessage(() => query("filter=name"))).toMatch(/expected <field>:<operator>:<value>/);
    expect(badRequestMessage(() => query("filter=name:like:x"))).toMatch(/unknown operator "like"/);
    expect(badRequestMessage(() => query("filter=exitStatus:between:1"))).toMatch(/<low>\|<high>/);
    expect(badRequestMessage(() => query("filter=bad field:eq:x"))).toMatch(/not a field name/);
    expect(badRequestMessage(() => ids("filter=exitStatus:gt:abc"))).toMatch(/must be a number/);
  });
});

describe("fields and paging", () => {
  it("projects the requested fields and always keeps id", () => {
    expect(listPage(rows, query("fields=name&limit=1"), { knownFields: known }).items).toEqual([{ id: "a3", name: "Gamma" }]);
  });

  it("pages with skip and limit", () => {
    expect(ids("sort=id&skip=1&limit=2")).toEqual(["a2", "a3"]);
    expect(ids("sort=id&skip=10")).toEqual([]);
  });
});
