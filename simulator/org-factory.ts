import type { Association, OsFamily, PolicyTemplate, PolicyValue, SystemGroup, SystemRecord } from "./model";
import type { Random } from "./random";

/** Builders of realistic systems, policies and bindings, shared by the seed and by churn. */

export const OS_LABEL: Record<OsFamily, string> = { windows: "Windows", darwin: "macOS", linux: "Linux" };
export const DEPARTMENTS = ["Finance", "Engineering", "Sales", "HR", "Legal", "Support", "Marketing", "Operations", "IT", "Executive"];
export const FIRST_NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yusuf"];
const DEPT_CODES = ["FIN", "ENG", "SLS", "HR", "LGL", "SUP", "MKT", "OPS", "IT", "EXE"];
const LINUX_ROLES = ["web", "api", "db", "build", "cache", "worker", "bastion", "monitor"];
const LINUX_ENVS = ["prod", "staging", "dev"];
const OS_VERSIONS: Record<OsFamily, string[]> = {
  windows: ["10.0.19045", "10.0.22631", "10.0.26100"],
  darwin: ["13.6.7", "14.5", "15.1"],
  linux: ["22.04", "24.04", "9.4"],
};

export interface NewSystem {
  /** 0-based enrolment number; names the host (…-0001). */
  index: number;
  createdMs: number;
  lastContactMs: number;
  publicKeyPem: string | null;
}

export function newSystem(random: Random, nextId: (ms: number) => string, input: NewSystem): SystemRecord {
  const roll = random.next();
  const os: OsFamily = roll < 0.45 ? "windows" : roll < 0.8 ? "darwin" : "linux";
  const hostname = hostnameFor(random, os, input.index);
  return {
    id: nextId(input.createdMs),
    hostname,
    displayName: os === "darwin" ? hostname.replace(/-/g, " ").replace(/s MacBook/, "'s MacBook") : hostname,
    os,
    osFamily: os,
    osVersion: random.pick(OS_VERSIONS[os]),
    arch: os === "darwin" && random.chance(0.7) ? "arm64" : "x86_64",
    agentVersion: random.pick(["2.12.0", "2.13.1", "2.14.0"]),
    serialNumber: random.hex(10).toUpperCase(),
    remoteIP: `203.0.113.${1 + random.int(254)}`,
    created: new Date(input.createdMs).toISOString(),
    lastContact: new Date(input.lastContactMs).toISOString(),
    active: random.chance(0.85),
    publicKeyPem: input.publicKeyPem,
  };
}

function hostnameFor(random: Random, os: OsFamily, index: number): string {
  const n = String(index + 1).padStart(4, "0");
  if (os === "windows") return `${random.pick(DEPT_CODES)}-${random.pick(["LT", "WS"])}-${n}`;
  if (os === "darwin") {
    const name = random.pick(FIRST_NAMES);
    return `${name[0]?.toUpperCase()}${name.slice(1)}s-MacBook-Pro-${n}`;
  }
  return `${random.pick(LINUX_ROLES)}-${n}.${random.pick(LINUX_ENVS)}.internal`;
}

/** The groups a new system joins: one themed group of its OS (round robin by index) and, three times in ten, a mixed group. */
export function groupsForSystem(random: Random, groups: readonly Pick<SystemGroup, "id" | "os">[], system: SystemRecord, index: number): string[] {
  const ids: string[] = [];
  const matching = groups.filter((g) => g.os === system.os);
  const themed = matching[index % Math.max(matching.length, 1)];
  if (themed) ids.push(themed.id);
  const mixed = groups.filter((g) => g.os === null);
  if (mixed.length > 0 && random.chance(0.3)) {
    const group = random.pick(mixed);
    if (!ids.includes(group.id)) ids.push(group.id);
  }
  return ids;
}

/** "Windows - Security Baseline (Finance)", with " #2", " #3" … when the name is taken. */
export function policyName(template: PolicyTemplate, department: string, taken: (name: string) => boolean): string {
  const base = `${OS_LABEL[template.osMetaFamily]} - ${template.displayName} (${department})`;
  let name = base;
  for (let n = 2; taken(name); n++) name = `${base} #${n}`;
  return name;
}

/** Values an admin would plausibly set: mostly near the template's defaults. */
export function policyValues(random: Random, template: PolicyTemplate): PolicyValue[] {
  const values: PolicyValue[] = [];
  for (const field of template.configFields) {
    if (field.sensitive || !random.chance(0.7)) continue;
    let value = field.defaultValue;
    if (field.displayType === "number" && typeof value === "number") {
      const min = field.validators?.min ?? 0;
      const max = field.validators?.max ?? value * 2;
      value = Math.min(max, Math.max(min, value + (random.int(5) - 2) * Math.max(1, Math.round(value / 10))));
    } else if (field.displayType === "checkbox") {
      value = random.chance(0.8) ? value === true : value !== true;
    } else if (field.displayType === "select" && field.displayOptions) {
      value = random.pick(field.displayOptions.select).value;
    }
    if (value !== null) values.push({ configFieldID: field.id, value, sensitive: false });
  }
  return values;
}

/**
 * How a policy is bound: one or two themed groups of its OS plus a few systems directly (one to three when no
 * group fits). Every fifth policy also binds a member of its first group directly, so some systems have two paths.
 */
export function policyBindings(random: Random, os: OsFamily, groups: readonly SystemGroup[], systems: readonly SystemRecord[], index: number): Association[] {
  const list: Association[] = [];
  const themed = groups.filter((g) => g.os === os);
  const groupCount = 1 + random.int(2);
  for (let i = 0; i < groupCount && i < themed.length; i++) {
    const group = themed[(index + i) % themed.length] as SystemGroup;
    if (!list.some((a) => a.id === group.id)) list.push({ type: "system_group", id: group.id, attributes: null });
  }
  const sameOs = systems.filter((s) => s.os === os);
  const directCount = list.length === 0 ? 1 + random.int(3) : random.int(3);
  for (let i = 0; i < directCount && sameOs.length > 0; i++) {
    const system = random.pick(sameOs);
    if (!list.some((a) => a.id === system.id)) list.push({ type: "system", id: system.id, attributes: null });
  }
  const firstGroup = list.find((a) => a.type === "system_group");
  const member = firstGroup ? groups.find((g) => g.id === firstGroup.id)?.memberIds[0] : undefined;
  if (index % 5 === 0 && member && !list.some((a) => a.id === member)) list.push({ type: "system", id: member, attributes: null });
  return list;
}
