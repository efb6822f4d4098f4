export const ROLES = ["owner", "admin", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles in order of power; a role includes everything the ones after it may do. */
const RANK: Record<Role, number> = { owner: 3, admin: 2, editor: 1, viewer: 0 };

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  editor: "Editor",
  viewer: "Viewer",
};

export function hasRole(actual: Role, atLeast: Role): boolean {
  return RANK[actual] >= RANK[atLeast];
}

/**
 * Who may give `target` the role `next`: owners manage everyone but themselves; admins manage editors and
 * viewers only; nobody creates or removes the owner role here (there is exactly one owner).
 */
/** Who may remove `target`: the same people who may change its role (never the owner, never oneself). */
export function canRemoveUser(actor: { id: string; role: Role }, target: { id: string; role: Role }): boolean {
  return canAssignRole(actor, target, target.role === "admin" ? "admin" : "viewer");
}

export function canAssignRole(actor: { id: string; role: Role }, target: { id: string; role: Role } | null, next: Role): boolean {
  if (next === "owner") return false;
  if (target && (target.id === actor.id || target.role === "owner")) return false;
  if (actor.role === "owner") return true;
  if (actor.role === "admin") return next !== "admin" && (!target || target.role !== "admin");
  return false;
}
