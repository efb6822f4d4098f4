import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./pairs-csv";

describe("pairs CSV", () => {
  it("quotes fields per RFC 4180 and keeps formulas from running in a spreadsheet", () => {
    expect(csvField(null)).toBe("");
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe("\"'=HYPERLINK(\"\"http://x\"\")\"");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
  });

  it("writes one CRLF line per pair in the header's order", () => {
    const line = csvLine({
      monitorId: "m", policyId: "p", policyName: "Windows, Finance", systemId: "s", hostname: null, state: "failing",
      since: "2026-12-01T10:00:00.000Z", failingSince: "2026-11-30T10:00:00.000Z", detail: "exit 1: denied", resultAt: null,
    });
    expect(line).toBe('m,p,"Windows, Finance",s,,failing,2026-12-01T10:00:00.000Z,2026-11-30T10:00:00.000Z,exit 1: denied,\r\n');
  });
});
