import type { Association, DirectoryObject, OsFamily, PolicyRecord, PolicyResult, PolicyTemplate, PolicyValue, SystemGroup, SystemRecord } from "./model";
import { createObjectIdFactory } from "./object-id";
import { OrgStore } from "./org-store";
import { createRandom, deriveSeed, type Random } from "./random";
import { buildTemplates } from "./templates";

export interface DatasetSize {
  policies: number;
  systems: number;
  systemGroups: number;
  policyResults: number;
}

export const DEFAULT_SIZE: DatasetSize = { policies: 24, systems: 40, systemGroups: 6, policyResults: 2000 };

/** Seeded data is dated relative to this fixed instant (not the wall clock) so the same seed gives the same bytes. */
export const DATA_ANCHOR_MS = Date.UTC(2026, 10, 1);
const RESULT_SPAN_MS = 30 * 86_400_000;

const ORG_NAMES = ["Acme Corporation", "Globex Subsidiary"];
/** The second org is a quarter of the size: enough to prove isolation without doubling the seeding cost. */
const ORG_SCALE = [1, 0.25];

export interface Dataset {
  templates: PolicyTemplate[];
  orgs: OrgStore[];
}

export interface SeedInput {
  seed: number;
  size: DatasetSize;
  /** Public keys (PEM) to enrol, per org, on that org's first systems; these systems can use System Context. */
  systemKeys: string[][];
}

export function seedDataset({ seed, size, systemKeys }: SeedInput): Dataset {
  const templates = buildTemplates(seed);
  const orgIds = createObjectIdFactory(createRandom(deriveSeed(seed, "orgs")));
  const orgs = ORG_NAMES.map((orgName, index) => {
    const scale = ORG_SCALE[index] ?? 1;
    const scaled: DatasetSize = {
      policies: Math.round(size.policies * scale),
      systems: Math.max(systemKeys[index]?.length ?? 0, Math.round(size.systems * scale)),
      systemGroups: Math.round(size.systemGroups * scale),
      policyResults: Math.round(size.policyResults * scale),
    };
    return seedOrg({
      seed: deriveSeed(seed, `org-${index}`),
      orgId: orgIds(Date.UTC(2021, 1, 3 + index)),
      orgName,
      size: scaled,
      templates,
      systemKeys: systemKeys[index] ?? [],
    });
  });
  return { templates, orgs };
}

const DEPARTMENTS = ["Finance", "Engineering", "Sales", "HR", "Legal", "Support", "Marketing", "Operations", "IT", "Executive"];
const DEPT_CODES = ["FIN", "ENG", "SLS", "HR", "LGL", "SUP", "MKT", "OPS", "IT", "EXE"];
const FIRST_NAMES = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "yusuf"];
const LINUX_ROLES = ["web", "api", "db", "build", "cache", "worker", "bastion", "monitor"];
const LINUX_ENVS = ["prod", "staging", "dev"];
const GROUP_THEMES: Array<{ name: string; os: OsFamily | null }> = [
  { name: "Windows Workstations", os: "windows" },
  { name: "Engineering Macs", os: "darwin" },
  { name: "Linux Servers", os: "linux" },
  { name: "Finance Laptops", os: "windows" },
  { name: "Design Team Macs", os: "darwin" },
  { name: "Build Agents", os: "linux" },
  { name: "Remote Workers", os: null },
  { name: "Executives", os: null },
];
const OS_LABEL: Record<OsFamily, string> = { windows: "Windows", darwin: "macOS", linux: "Linux" };
const OS_VERSIONS: Record<OsFamily, string[]> = {
  windows: ["10.0.19045", "10.0.22631", "10.0.26100"],
  darwin: ["13.6.7", "14.5", "15.1"],
  linux: ["22.04", "24.04", "9.4"],
};
const FAILURES = [
  { exitStatus: 1, stdErr: "Access is denied.", detail: "Failed to apply setting: access denied" },
  { exitStatus: 2, stdErr: "The system cannot find the file specified.", detail: "Configuration target not found" },
  { exitStatus: 5, stdErr: "profile installation failed: device is not supervised", detail: "Policy requires a supervised device" },
  { exitStatus: 127, stdErr: "command not found", detail: "Required tool is missing on the system" },
];

interface OrgSeedInput {
  seed: number;
  orgId: string;
  orgName: string;
  size: DatasetSize;
  templates: readonly PolicyTemplate[];
  systemKeys: string[];
}

function seedOrg(input: OrgSeedInput): OrgStore {
  const random = createRandom(input.seed);
  const nextId = createObjectIdFactory(random);
  const systems = seedSystems(random, nextId, input.size.systems, input.systemKeys);
  const themedGroups = seedGroups(random, nextId, input.size.systemGroups, systems);
  const systemGroups = themedGroups.map((t) => t.group);
  const users: DirectoryObject[] = FIRST_NAMES.slice(0, 10).map((name, i) => ({ id: nextId(Date.UTC(2022, 0, 10 + i)), name }));
  const userGroups: DirectoryObject[] = ["All Employees", "Contractors", "Admins"].map((name, i) => ({ id: nextId(Date.UTC(2022, 1, 1 + i)), name }));
  const policies = seedPolicies(random, nextId, input.size.policies, input.templates);
  const associations = seedAssociations(random, policies, input.templates, systems, themedGroups);
  const store = new OrgStore({
    orgId: input.orgId, orgName: input.orgName, templates: input.templates, systems, systemGroups, users, userGroups,
    policies, associations, results: [], nextId,
  });
  store.appendResults(seedResults(random, nextId, input.size.policyResults, policies, store));
  return store;
}

function seedSystems(random: Random, nextId: (ms: number) => string, count: number, keys: string[]): SystemRecord[] {
  const systems: SystemRecord[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    const os: OsFamily = roll < 0.45 ? "windows" : roll < 0.8 ? "darwin" : "linux";
    const createdMs = DATA_ANCHOR_MS - 400 * 86_400_000 + i * 3_600_000 * 7;
    const hostname = hostnameFor(random, os, i);
    systems.push({
      id: nextId(createdMs),
      hostname,
      displayName: os === "darwin" ? hostname.replace(/-/g, " ").replace(/s MacBook/, "'s MacBook") : hostname,
      os,
      osFamily: os,
      osVersion: random.pick(OS_VERSIONS[os]),
      arch: os === "darwin" && random.chance(0.7) ? "arm64" : "x86_64",
      agentVersion: random.pick(["2.12.0", "2.13.1", "2.14.0"]),
      serialNumber: random.hex(10).toUpperCase(),
      remoteIP: `203.0.113.${1 + random.int(254)}`,
      created: new Date(createdMs).toISOString(),
      lastContact: new Date(DATA_ANCHOR_MS - random.int(72) * 3_600_000).toISOString(),
      active: random.chance(0.85),
      publicKeyPem: keys[i] ?? null,
    });
  }
  return systems;
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

interface ThemedGroup {
  group: SystemGroup;
  os: OsFamily | null;
}

function seedGroups(random: Random, nextId: (ms: number) => string, count: number, systems: SystemRecord[]): ThemedGroup[] {
  const themes = Array.from({ length: count }, (_, i) => {
    const theme = GROUP_THEMES[i % GROUP_THEMES.length] as (typeof GROUP_THEMES)[number];
    const round = Math.floor(i / GROUP_THEMES.length);
    return { ...theme, name: round === 0 ? theme.name : `${theme.name} ${round + 1}` };
  });
  const members: string[][] = themes.map(() => []);
  systems.forEach((system, index) => {
    const matching = themes.map((t, i) => ({ t, i })).filter(({ t }) => t.os === system.os);
    const first = matching[index % Math.max(matching.length, 1)];
    if (first) members[first.i]?.push(system.id);
    const mixed = themes.map((t, i) => ({ t, i })).filter(({ t }) => t.os === null);
    if (mixed.length > 0 && random.chance(0.3)) members[random.pick(mixed).i]?.push(system.id);
  });
  return themes.map((theme, i) => ({
    os: theme.os,
    group: {
      id: nextId(Date.UTC(2023, 2, 1 + i)),
      name: theme.name,
      description: theme.os ? `${OS_LABEL[theme.os]} devices` : "Devices of any OS",
      memberIds: members[i] ?? [],
    },
  }));
}

function seedPolicies(random: Random, nextId: (ms: number) => string, count: number, templates: readonly PolicyTemplate[]): PolicyRecord[] {
  const names = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const template = templates[i % templates.length] as PolicyTemplate;
    const base = `${OS_LABEL[template.osMetaFamily]} - ${template.displayName} (${DEPARTMENTS[Math.floor(i / templates.length) % DEPARTMENTS.length]})`;
    let name = base;
    for (let n = 2; names.has(name); n++) name = `${base} #${n}`;
    names.add(name);
    return {
      id: nextId(DATA_ANCHOR_MS - 200 * 86_400_000 + i * 86_400_000),
      name,
      notes: random.chance(0.5) ? `Managed by IT. Owner: ${DEPARTMENTS[i % DEPARTMENTS.length]}.` : "",
      templateId: template.id,
      values: seedValues(random, template),
    };
  });
}

function seedValues(random: Random, template: PolicyTemplate): PolicyValue[] {
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

function seedAssociations(random: Random, policies: PolicyRecord[], templates: readonly PolicyTemplate[], systems: SystemRecord[], groups: ThemedGroup[]): Map<string, Association[]> {
  const byId = new Map(templates.map((t) => [t.id, t]));
  const associations = new Map<string, Association[]>();
  policies.forEach((policy, index) => {
    const os = byId.get(policy.templateId)?.osMetaFamily;
    // Every seventh policy stays unbound so empty traversals are exercised too.
    if (index % 7 === 6) return;
    const list: Association[] = [];
    const themed = groups.filter((g) => g.os === os).map((g) => g.group);
    const groupCount = random.int(3);
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
    // Bind one member of a bound group directly as well, so some systems have two paths.
    const firstGroup = list.find((a) => a.type === "system_group");
    const member = firstGroup ? groups.find((g) => g.group.id === firstGroup.id)?.group.memberIds[0] : undefined;
    if (index % 5 === 0 && member && !list.some((a) => a.id === member)) list.push({ type: "system", id: member, attributes: null });
    associations.set(policy.id, list);
  });
  return associations;
}

function seedResults(random: Random, nextId: (ms: number) => string, count: number, policies: PolicyRecord[], store: OrgStore): PolicyResult[] {
  const pairs: Array<[string, string]> = [];
  for (const policy of policies) for (const { system } of store.systemPaths(policy.id)) pairs.push([policy.id, system.id]);
  if (pairs.length === 0) return [];
  const results: PolicyResult[] = [];
  const step = RESULT_SPAN_MS / count;
  const start = DATA_ANCHOR_MS - RESULT_SPAN_MS;
  for (let i = 0; i < count; i++) {
    const [policyID, systemID] = pairs[random.int(pairs.length)] as [string, string];
    const startedMs = Math.floor(start + (i + random.next() * 0.9) * step);
    const roll = random.next();
    const state = i > count * 0.97 && roll < 0.3 ? "pending" : roll < 0.84 ? "success" : "failed";
    const failure = state === "failed" ? random.pick(FAILURES) : null;
    const id = nextId(startedMs);
    const startedAt = isoTime(startedMs);
    const success = state === "success";
    const exitStatus = failure?.exitStatus ?? 0;
    const stdErr = failure?.stdErr ?? "";
    const stdOut = success ? "Policy applied" : "";
    if (state === "pending") {
      results.push({ id, policyID, systemID, userObjectId: "", startedAt, success, exitStatus, stdErr, stdOut, state, detail: "Waiting for the agent to check in" });
    } else {
      const endedAt = isoTime(startedMs + 500 + random.int(30_000));
      results.push({ id, policyID, systemID, userObjectId: "", startedAt, endedAt, success, exitStatus, stdErr, stdOut, state, detail: failure?.detail ?? "" });
    }
  }
  return results;
}

/** Date#toISOString, with the date part cached: seeding formats tens of thousands of close timestamps. */
let cachedDay = -1;
let cachedDayPrefix = "";
function isoTime(ms: number): string {
  const day = Math.floor(ms / 86_400_000);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayPrefix = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const inDay = ms - day * 86_400_000;
  return `${cachedDayPrefix}${pad(Math.floor(inDay / 3_600_000), 2)}:${pad(Math.floor(inDay / 60_000) % 60, 2)}:${pad(Math.floor(inDay / 1000) % 60, 2)}.${pad(inDay % 1000, 3)}Z`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Pending results written when systems become bound at run time, as the agent would queue them. */
export function pendingResults(store: OrgStore, policyId: string, systemIds: readonly string[], nowMs: number): PolicyResult[] {
  return systemIds.map((systemID) => ({
    id: store.newId(),
    policyID: policyId,
    systemID,
    userObjectId: "",
    startedAt: new Date(nowMs).toISOString(),
    success: false,
    exitStatus: 0,
    stdErr: "",
    stdOut: "",
    state: "pending" as const,
    detail: "Waiting for the agent to check in",
  }));
}
