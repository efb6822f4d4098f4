import { describe, expect, it } from "vitest";
import { HttpError } from "./http-io";
import { listPage } from "./query";
import { parseV1ListQuery } from "./query-v1";

const rows = [
  { _id: "a1", hostname: "web-0001.prod.internal", os: "linux", active: true, agentVersion: "2.14.0", created: "2026-01-05T00:00:00.000Z", department: "Shipping|Receiving" },
  { _id: "a2", hostname: "FIN-LT-0002", os: "windows", active: false, agentVersion: "2.12.0", created: "2026-02-05T00:00:00.000Z", department: "Finance" },
  { _id: "a3", hostname: "Alices-MacBook-Pro-0003", os: "darwin", active: true, agentVersion: "2.13.1", created: "2026-03-05T00:00:00.000Z", department: "IT" },
  { _id: "a4", hostname: "db-0004.staging.internal", os: "linux", active: true, agentVersion: "2.14.0", created: "2026-04-05T00:00:00.000Z", department: "IT" },
];

function ids(qs: string, headers: Record<string, string> = {}): string[] {
  const query = parseV1ListQuery(new URLSearchParams(qs), headers, ["hostname"]);
  return listPage(rows, query.paging, { knownFields: Object.keys(rows[0]!), idField: "_id", match: query.match }).items.map((r) => String(r._id));
}

function badRequest(qs: string, headers: Record<string, string> = {}): string {
  try {
    ids(qs, headers);
  } catch (error) {
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    return String((error as HttpError).body.message);
  }
  throw new Error(`expected a 400 for ${qs}`);
}

describe("v1 sort and fields", () => {
  it("takes space-separated sort keys (commas too), - for descending, ties by _id", () => {
    expect(ids("sort=-os hostname")).toEqual(["a2", "a4", "a1", "a3"]);
    expect(ids("sort=os,-created")).toEqual(["a3", "a4", "a1", "a2"]);
    expect(ids("limit=2&skip=1&sort=_id")).toEqual(["a2", "a3"]);
  });

  it("projects space-separated fields and always keeps _id", () => {
    const query = parseV1ListQuery(new URLSearchParams("fields=hostname os&limit=1"), {}, []);
    expect(listPage(rows, query.paging, { knownFields: [], idField: "_id" }).items).toEqual([{ _id: "a1", hostname: "web-0001.prod.internal", os: "linux" }]);
  });
});

describe("v1 filters", () => {
  it("compares typed values with $eq, $ne, $lt, $lte, $gt, $gte", () => {
    expect(ids("filter=os:$eq:linux")).toEqual(["a1", "a4"]);
    expect(ids("filter=os:$ne:linux")).toEqual(["a2", "a3"]);
    expect(ids("filter=active:$eq:false")).toEqual(["a2"]);
    expect(ids("filter=created:$gte:2026-03-05T00:00:00Z")).toEqual(["a3", "a4"]);
    expect(ids("filter=created:$lt:2026-02-05")).toEqual(["a1"]);
    expect(ids("filter=agentVersion:$gt:2.13.1")).toEqual(["a1", "a4"]);
    expect(ids("filter=agentVersion:$lte:2.13.1")).toEqual(["a2", "a3"]);
  });

  it("ANDs filter[0], filter[1]… and ORs filter[or][0]…", () => {
    expect(ids("filter[0]=os:$eq:linux&filter[1]=hostname:$sw:db-")).toEqual(["a4"]);
    expect(ids("filter[or][0]=os:$eq:windows&filter[or][1]=os:$eq:darwin")).toEqual(["a2", "a3"]);
    expect(ids("filter=active:$eq:true&filter[or][0]=os:$eq:windows&filter[or][1]=os:$eq:darwin")).toEqual(["a3"]);
  });

  it("splits $in and $nin terms on |, with \\| for a literal bar", () => {
    expect(ids("filter=department:$in:Finance|IT")).toEqual(["a2", "a3", "a4"]);
    expect(ids("filter=department:$nin:Finance|IT")).toEqual(["a1"]);
    expect(ids(`filter=${encodeURIComponent("department:$in:Shipping\\|Receiving|Legal")}`)).toEqual(["a1"]);
  });

  it("matches a missing field only with the negative operators, as Mongo does", () => {
    expect(ids("filter=owner:$eq:x")).toEqual([]);
    expect(ids("filter=owner:$ne:x")).toEqual(["a1", "a2", "a3", "a4"]);
    expect(ids("filter=owner:$nin:x|y")).toEqual(["a1", "a2", "a3", "a4"]);
  });

  it("needs x-eventually-consistent: true for $ew, $co, $nco and multi-term $sw", () => {
    const consistent = { "x-eventually-consistent": "true" };
    expect(ids("filter=hostname:$sw:web")).toEqual(["a1"]);
    expect(badRequest("filter=hostname:$sw:web|db")).toMatch(/x-eventually-consistent: true/);
    expect(ids("filter=hostname:$sw:web|db", consistent)).toEqual(["a1", "a4"]);
    expect(badRequest("filter=hostname:$co:internal")).toMatch(/x-eventually-consistent/);
    expect(ids("filter=hostname:$co:MacBook|FIN", consistent)).toEqual(["a2", "a3"]);
    expect(ids("filter=hostname:$ew:.internal", consistent)).toEqual(["a1", "a4"]);
    expect(ids("filter=hostname:$nco:internal", consistent)).toEqual(["a2", "a3"]);
  });

  it("refuses v2 operators, bad syntax, unknown filter params and typed mismatches with a message that says what to fix", () => {
    expect(badRequest("filter=os:eq:linux")).toMatch(/v1 operators start with \$ \(\$eq\)/);
    expect(badRequest("filter=created:ge:2026-01-01")).toMatch(/\$gte/);
    expect(badRequest("filter=os-linux")).toMatch(/<field>:<operator>:<value>/);
    expect(badRequest("filter=os:$like:linux")).toMatch(/unknown operator "\$like"/);
    expect(badRequest("filter=os:$eq:linux|windows")).toMatch(/\$eq takes one value/);
    expect(badRequest("filter[nor][0]=os:$eq:linux")).toMatch(/unsupported filter parameter "filter\[nor\]\[0\]"/);
    expect(badRequest("filter=active:$eq:yes")).toMatch(/must be true or false/);
    expect(badRequest("limit=101")).toMatch(/exceeds maximum value of 100/);
    expect(badRequest("fields=host-name")).toMatch(/invalid field/);
  });
});

describe("v1 search", () => {
  it("looks for a term, case-insensitively, in the given fields or the default ones", () => {
    expect(ids(`search=${encodeURIComponent('{"searchTerm":"macbook","fields":["hostname"]}')}`)).toEqual(["a3"]);
    expect(ids(`search=${encodeURIComponent('{"searchTerm":["fin","db-"],"fields":["hostname","department"]}')}`)).toEqual(["a2", "a4"]);
    expect(ids("search=INTERNAL")).toEqual(["a1", "a4"]);
    expect(badRequest("search={not json")).toMatch(/search must be JSON/);
    expect(badRequest(`search=${encodeURIComponent('{"searchTerm":3}')}`)).toMatch(/searchTerm must be a string or an array of strings/);
  });
});
