import { describe, expect, it } from "vitest";
import { actionBodyTooDeep, MAX_ACTION_NESTING } from "./action-body";
import { nestsDeeperThan } from "./json-nesting";

const nested = (levels: number) => `[${"[".repeat(levels - 1)}1${"]".repeat(levels - 1)}]`;
const post = (path: string, body: BodyInit, type?: string) =>
  new Request(`http://127.0.0.1${path}`, { method: "POST", body, headers: type ? { "content-type": type } : {} });

describe("JSON nesting", () => {
  it("counts arrays and objects, not brackets inside strings", () => {
    expect(nestsDeeperThan(nested(3), 3)).toBe(false);
    expect(nestsDeeperThan(nested(4), 3)).toBe(true);
    expect(nestsDeeperThan(`{"a":{"b":{"c":1}}}`, 2)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ text: "[[[[[[[[[[ \\\" [[[[[" }), 2)).toBe(false);
    // Closing brackets hidden in strings cannot mask real depth.
    expect(nestsDeeperThan(`[["]",["]",["]",[1]]]]`, 3)).toBe(true);
  });

  it("scans 50,000 levels without recursion", () => {
    expect(nestsDeeperThan(nested(50_000), MAX_ACTION_NESTING)).toBe(true);
  });
});

describe("server action bodies", () => {
  it("refuses a fetch action nested past the limit and admits one within it, its body intact for the action", async () => {
    expect(await actionBodyTooDeep(post("/sign-in", nested(50_000), "text/plain;charset=UTF-8"))).toBe(true);
    const admitted = post("/sign-in", nested(MAX_ACTION_NESTING), "text/plain;charset=UTF-8");
    expect(await actionBodyTooDeep(admitted)).toBe(false);
    expect(await admitted.text()).toBe(nested(MAX_ACTION_NESTING));
  });

  it("checks each field of a form post (with or without JavaScript)", async () => {
    const form = new FormData();
    form.append("$ACTION_ID_abc", "");
    form.append("password", '"[[[[ not json');
    form.append("0", nested(5_000));
    expect(await actionBodyTooDeep(post("/sign-in", form))).toBe(true);
    const fine = new FormData();
    fine.append("email", "a@example.com");
    fine.append("0", JSON.stringify([{ deep: nested(60) }]));
    expect(await actionBodyTooDeep(post("/sign-in", fine))).toBe(false);
  });

  it("leaves API routes and other methods to their own body checks", async () => {
    expect(await actionBodyTooDeep(post("/api/v1/nodes/execute", nested(50_000), "application/json"))).toBe(false);
    expect(await actionBodyTooDeep(new Request("http://127.0.0.1/sign-in"))).toBe(false);
  });
});
