import type { DirectoryObject, OsFamily, PolicyRecord, PolicyResult, PolicyTemplate, SystemGroup, SystemRecord } from "./model";
import { createObjectIdFactory } from "./object-id";
import { DEPARTMENTS, FIRST_NAMES, groupsForSystem, newSystem, OS_LABEL, policyBindings, policyName, policyValues } from "./org-factory";
import { OrgStore } from "./org-store";
import { createRandom, deriveSeed, type Random } from "./random";
import { pendingResult, randomFailure, runDurationMs, settledResult } from "./result-factory";
import { buildTemplates } from "./templates";

export interface DatasetSize {
  policies: number;
  systems: number;
  systemGroups: number;
  policyResults: number;
}

export const DEFAULT_SIZE: DatasetSize = { policies: 24, systems: 40, systemGroups: 6, policyResults: 2000 };

/** The benchmark org: every policy bound to about 90–440 systems (about 55,000 statuses), 100,000 results. */
export const SCALE_SIZE: DatasetSize = { policies: 200, systems: 1000, systemGroups: 8, policyResults: 100_000 };

/** Seeded data is dated relative to this fixed instant (not the wall clock) so the same seed gives the same bytes. */
export const DATA_ANCHOR_MS = Date.UTC(2026, 10, 1);
const RESULT_SPAN_MS = 30 * 86_400_000;

const ORG_NAMES = ["Acme Corporation", "Globex Subsidiary"];
/** The second org is a quarter of the size: enough to prove isolation without doubling the seeding cost. */
const ORG_SCALE = [1, 0.25];

/** Simulated time: tick 0 is the anchor; each tick moves it forward by the tick length in force then. */
export interface SimClock {
  tick: number;
  nowMs: number;
}

export interface Dataset {
  templates: PolicyTemplate[];
  orgs: OrgStore[];
  clock: SimClock;
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
  return { templates, orgs, clock: { tick: 0, nowMs: DATA_ANCHOR_MS } };
}

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
  const systems = Array.from({ length: input.size.systems }, (_, index) => newSystem(random, nextId, {
    index,
    createdMs: DATA_ANCHOR_MS - 400 * 86_400_000 + index * 3_600_000 * 7,
    lastContactMs: DATA_ANCHOR_MS - random.int(72) * 3_600_000,
    publicKeyPem: input.systemKeys[index] ?? null,
  }));
  const systemGroups = seedGroups(random, nextId, input.size.systemGroups, systems);
  const users: DirectoryObject[] = FIRST_NAMES.slice(0, 10).map((name, i) => ({ id: nextId(Date.UTC(2022, 0, 10 + i)), name }));
  const userGroups: DirectoryObject[] = ["All Employees", "Contractors", "Admins"].map((name, i) => ({ id: nextId(Date.UTC(2022, 1, 1 + i)), name }));
  const names = new Set<string>();
  const policies = Array.from({ length: input.size.policies }, (_, i): PolicyRecord => {
    const template = input.templates[i % input.templates.length] as PolicyTemplate;
    const name = policyName(template, DEPARTMENTS[Math.floor(i / input.templates.length) % DEPARTMENTS.length] as string, (n) => names.has(n));
    names.add(name);
    return {
      id: nextId(DATA_ANCHOR_MS - 200 * 86_400_000 + i * 86_400_000),
      name,
      notes: random.chance(0.5) ? `Managed by IT. Owner: ${DEPARTMENTS[i % DEPARTMENTS.length]}.` : "",
      templateId: template.id,
      values: policyValues(random, template),
    };
  });
  const osOf = new Map(input.templates.map((t) => [t.id, t.osMetaFamily]));
  const associations = new Map(policies.map((policy, index) => [policy.id, policyBindings(random, osOf.get(policy.templateId) as OsFamily, systemGroups, systems, index)]));
  const store = new OrgStore({
    orgId: input.orgId, orgName: input.orgName, templates: input.templates, systems, systemGroups, users, userGroups, policies, associations, nextId,
  });
  store.appendResults(seedResults(random, nextId, input.size.policyResults, policies, store));
  return store;
}

function seedGroups(random: Random, nextId: (ms: number) => string, count: number, systems: SystemRecord[]): SystemGroup[] {
  const groups = Array.from({ length: count }, (_, i): SystemGroup => {
    const theme = GROUP_THEMES[i % GROUP_THEMES.length] as (typeof GROUP_THEMES)[number];
    const round = Math.floor(i / GROUP_THEMES.length);
    return {
      id: nextId(Date.UTC(2023, 2, 1 + i)),
      name: round === 0 ? theme.name : `${theme.name} ${round + 1}`,
      description: theme.os ? `${OS_LABEL[theme.os]} devices` : "Devices of any OS",
      memberIds: [],
      os: theme.os,
    };
  });
  const members = new Map<string, string[]>(groups.map((g) => [g.id, []]));
  systems.forEach((system, index) => {
    for (const groupId of groupsForSystem(random, groups, system, index)) members.get(groupId)?.push(system.id);
  });
  return groups.map((g) => ({ ...g, memberIds: members.get(g.id) ?? [] }));
}

/**
 * Results over the 30 days before the anchor, in time order. Every bound (policy, system) pair gets at least
 * one, so each has a status; `count` beyond that is history spread over random pairs.
 */
function seedResults(random: Random, nextId: (ms: number) => string, count: number, policies: PolicyRecord[], store: OrgStore): PolicyResult[] {
  const pairs: Array<[string, string]> = [];
  for (const policy of policies) for (const { system } of store.systemPaths(policy.id)) pairs.push([policy.id, system.id]);
  if (pairs.length === 0) return [];
  const total = Math.max(count, pairs.length);
  const order = new Uint32Array(total);
  for (let i = 0; i < total; i++) order[i] = i < pairs.length ? i : random.int(pairs.length);
  for (let i = total - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
  const results: PolicyResult[] = [];
  const step = RESULT_SPAN_MS / total;
  const start = DATA_ANCHOR_MS - RESULT_SPAN_MS;
  for (let i = 0; i < total; i++) {
    const [policyID, systemID] = pairs[order[i] as number] as [string, string];
    const startedMs = Math.floor(start + (i + random.next() * 0.9) * step);
    const roll = random.next();
    const input = { id: nextId(startedMs), policyID, systemID, startedMs };
    if (i > total * 0.97 && roll < 0.3) results.push(pendingResult(input));
    else results.push(settledResult(input, roll < 0.84 ? null : randomFailure(random), runDurationMs(random)));
  }
  return results;
}
