import { describe, expect, it } from "vitest";
import { canAssignRole, canRemoveUser, hasRole } from "./roles";

const owner = { id: "o", role: "owner" as const };
const admin = { id: "a", role: "admin" as const };
const otherAdmin = { id: "a2", role: "admin" as const };
const editor = { id: "e", role: "editor" as const };
const viewer = { id: "v", role: "viewer" as const };

describe("roles", () => {
  it("ranks owner > admin > editor > viewer", () => {
    expect(hasRole("owner", "admin")).toBe(true);
    expect(hasRole("editor", "admin")).toBe(false);
    expect(hasRole("viewer", "viewer")).toBe(true);
  });

  it("owners manage everyone but themselves; nobody assigns the owner role", () => {
    expect(canAssignRole(owner, admin, "editor")).toBe(true);
    expect(canAssignRole(owner, viewer, "admin")).toBe(true);
    expect(canAssignRole(owner, owner, "admin")).toBe(false);
    expect(canAssignRole(owner, viewer, "owner")).toBe(false);
  });

  it("admins manage editors and viewers only, and never themselves", () => {
    expect(canAssignRole(admin, viewer, "editor")).toBe(true);
    expect(canAssignRole(admin, viewer, "admin")).toBe(false);
    expect(canAssignRole(admin, otherAdmin, "viewer")).toBe(false);
    expect(canAssignRole(admin, admin, "viewer")).toBe(false);
    expect(canAssignRole(admin, null, "admin")).toBe(false);
    expect(canAssignRole(editor, viewer, "viewer")).toBe(false);
  });

  it("removal follows the same rules", () => {
    expect(canRemoveUser(owner, admin)).toBe(true);
    expect(canRemoveUser(admin, otherAdmin)).toBe(false);
    expect(canRemoveUser(admin, editor)).toBe(true);
    expect(canRemoveUser(admin, owner)).toBe(false);
    expect(canRemoveUser(owner, owner)).toBe(false);
    expect(canRemoveUser(editor, viewer)).toBe(false);
  });
});
