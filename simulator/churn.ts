import type { ChurnRates } from "./churn-rates";
import type { ConfigField, PolicyResult, PolicyValueData } from "./model";
import { DEPARTMENTS, FIRST_NAMES, groupsForSystem, newSystem, policyBindings, policyName, policyValues } from "./org-factory";
import type { OrgStore } from "./org-store";
import { createRandom, deriveSeed, type Random } from "./random";
import { isoTime, pendingResult, pendingResults, randomFailure, runDurationMs, settledResult } from "./result-factory";
import type { Dataset } from "./seed";

/**
 * Seeded change over time. What tick N does is a pure function of (seed, churn rates, N) and the state it
 * finds: each org draws from its own stream `churn:<org>:<N>`, so the same settings give the same history,
 * however the ticks are batched. Changes happen at instants inside the tick, in time order, and every result
 * they write is stamped with that simulated instant.
 */

export interface ChangeCounts {
  statusFlips: number;
  pendingRuns: number;
  settled: number;
  systemsAdded: number;
  systemsRemoved: number;
  policiesAdded: number;
  associationsAdded: number;
  associationsRemoved: number;
  policyEdits: number;
  /** Policy results written (flips, runs, settlements and the pending runs structural changes queue). */
  results: number;
}

interface EventBase {
  orgId: string;
  at: string;
}

/** The structural changes of a tick, named so a test can look them up; status changes are only counted. */
export type ChurnEvent = EventBase & (
  | { kind: "systemAdded"; systemId: string; hostname: string; groupIds: string[] }
  | { kind: "systemRemoved"; systemId: string; hostname: string }
  | { kind: "policyAdded"; policyId: string; name: string }
  | { kind: "associationAdded" | "associationRemoved"; policyId: string; targetType: "system" | "system_group"; targetId: string }
  | { kind: "policyEdited"; policyId: string; changed: "notes" | "value"; configFieldID?: string }
);

export interface TickReport {
  tick: number;
  /** The simulated interval the tick covers, (from, to]. */
  from: string;
  to: string;
  changes: ChangeCounts;
  events: ChurnEvent[];
}

export function emptyCounts(): ChangeCounts {
  return { statusFlips: 0, pendingRuns: 0, settled: 0, systemsAdded: 0, systemsRemoved: 0, policiesAdded: 0, associationsAdded: 0, associationsRemoved: 0, policyEdits: 0, results: 0 };
}

export function addCounts(into: ChangeCounts, from: ChangeCounts): void {
  for (const key of Object.keys(into) as Array<keyof ChangeCounts>) into[key] += from[key];
}

/** Advances the dataset's clock by one tick of `tickMs`, applying each org's churn for that interval. */
export function runTick(dataset: Dataset, rates: ChurnRates, seed: number, tickMs: number): TickReport {
  const tick = dataset.clock.tick + 1;
  const fromMs = dataset.clock.nowMs;
  const changes = emptyCounts();
  const events: ChurnEvent[] = [];
  dataset.orgs.forEach((org, index) => {
    const random = createRandom(deriveSeed(seed, `churn:${index}:${tick}`));
    new OrgTick(org, rates, random, fromMs, tickMs, changes, events).run();
  });
  dataset.clock = { tick, nowMs: fromMs + tickMs };
  return { tick, from: isoTime(fromMs), to: isoTime(fromMs + tickMs), changes, events };
}

type StructuralKind = "systemRemoved" | "systemAdded" | "policyAdded" | "associationChanged" | "policyEdited";

type Action =
  | { at: number; seq: number; kind: "status"; policyId: string; systemId: string; draw: number }
  | { at: number; seq: number; kind: StructuralKind };

const STRUCTURAL: Array<[StructuralKind, keyof ChurnRates]> = [
  ["systemRemoved", "systemsRemoved"],
  ["systemAdded", "systemsAdded"],
  ["policyAdded", "policiesAdded"],
  ["associationChanged", "associationChanges"],
  ["policyEdited", "policyEdits"],
];

class OrgTick {
  /** Status results wait here and are appended in one batch; structural changes flush first (they read and drop results). */
  private buffer: PolicyResult[] = [];

  constructor(
    private readonly org: OrgStore,
    private readonly rates: ChurnRates,
    private readonly random: Random,
    private readonly fromMs: number,
    private readonly tickMs: number,
    private readonly changes: ChangeCounts,
    private readonly events: ChurnEvent[],
  ) {}

  run(): void {
    const actions = this.drawActions();
    for (const action of actions) {
      if (action.kind === "status") this.changeStatus(action.policyId, action.systemId, action.draw, action.at);
      else {
        this.flush();
        this.structural(action.kind, action.at);
      }
    }
    this.flush();
  }

  /** An instant inside the tick, after its start: results written by API calls at the start stay older. */
  private instant(): number {
    return this.fromMs + 1 + this.random.int(this.tickMs);
  }

  private drawActions(): Action[] {
    const actions: Action[] = [];
    const { statusFlips, pendingRuns, settle } = this.rates;
    if (statusFlips + pendingRuns + settle > 0) {
      // One draw per bound pair, in policy order then system id order, decides whether it changes this tick.
      for (const policy of this.org.policies()) {
        const latestOf = this.org.latestResults(policy.id);
        for (const { system } of this.org.systemPaths(policy.id)) {
          const draw = this.random.next();
          const latest = latestOf.get(system.id);
          if (!latest) continue;
          const changes = latest.state === "pending" ? draw < settle : draw < statusFlips + pendingRuns;
          if (changes) actions.push({ at: this.instant(), seq: actions.length, kind: "status", policyId: policy.id, systemId: system.id, draw });
        }
      }
    }
    for (const [kind, rate] of STRUCTURAL) {
      for (let i = occurrences(this.random, this.rates[rate]); i > 0; i--) actions.push({ at: this.instant(), seq: actions.length, kind });
    }
    return actions.sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  private flush(): void {
    this.org.appendResults(this.buffer);
    this.buffer = [];
  }

  private append(results: PolicyResult[]): void {
    this.org.appendResults(results);
    this.changes.results += results.length;
  }

  private changeStatus(policyId: string, systemId: string, draw: number, at: number): void {
    const latest = this.org.latestResult(policyId, systemId);
    if (!latest || !this.org.boundSystemIds(policyId).has(systemId)) return;
    const pair = { id: this.org.newId(at), policyID: policyId, systemID: systemId, startedMs: at };
    const { statusFlips, pendingRuns, settle } = this.rates;
    let result: PolicyResult;
    if (latest.state === "pending") {
      if (draw >= settle) return;
      result = settledResult(pair, this.random.chance(0.85) ? null : randomFailure(this.random), runDurationMs(this.random));
      this.changes.settled += 1;
    } else if (draw < statusFlips) {
      result = settledResult(pair, latest.state === "success" ? randomFailure(this.random) : null, runDurationMs(this.random));
      this.changes.statusFlips += 1;
    } else if (draw < statusFlips + pendingRuns) {
      result = pendingResult(pair);
      this.changes.pendingRuns += 1;
    } else {
      return;
    }
    this.buffer.push(result);
    this.changes.results += 1;
  }

  private structural(kind: StructuralKind, at: number): void {
    switch (kind) {
      case "systemRemoved": return this.removeSystem(at);
      case "systemAdded": return this.addSystem(at);
      case "policyAdded": return this.addPolicy(at);
      case "associationChanged": return this.moveAssociation(at);
      case "policyEdited": return this.editPolicy(at);
    }
  }

  private event(event: ChurnEvent): void {
    this.events.push(event);
  }

  private base(at: number): EventBase {
    return { orgId: this.org.orgId, at: isoTime(at) };
  }

  /** Systems enrolled with an agent key are the System Context fixtures: they never leave. */
  private removeSystem(at: number): void {
    const candidates = this.org.systems.filter((s) => s.publicKeyPem === null);
    if (candidates.length === 0) return;
    const system = this.random.pick(candidates);
    this.org.removeSystem(system.id);
    this.changes.systemsRemoved += 1;
    this.event({ ...this.base(at), kind: "systemRemoved", systemId: system.id, hostname: system.hostname });
  }

  private addSystem(at: number): void {
    const index = this.org.systemsEnrolled;
    const system = newSystem(this.random, (ms) => this.org.newId(ms), { index, createdMs: at, lastContactMs: at, publicKeyPem: null });
    const groupIds = groupsForSystem(this.random, this.org.systemGroups, system, index);
    this.org.addSystem(system, groupIds);
    // Policies bound to its groups reach it now: the agent queues them.
    const results = this.org.policies()
      .filter((p) => this.org.boundSystemIds(p.id).has(system.id))
      .map((p) => pendingResult({ id: this.org.newId(at), policyID: p.id, systemID: system.id, startedMs: at }));
    this.append(results);
    this.changes.systemsAdded += 1;
    this.event({ ...this.base(at), kind: "systemAdded", systemId: system.id, hostname: system.hostname, groupIds });
  }

  private addPolicy(at: number): void {
    const template = this.random.pick(this.org.templates);
    const name = policyName(template, this.random.pick(DEPARTMENTS), (n) => this.org.policyNamed(n) !== undefined);
    const notes = this.random.chance(0.5) ? `Created by ${this.random.pick(FIRST_NAMES)} in the console.` : "";
    const policy = this.org.insertPolicy({ name, notes, templateId: template.id, values: policyValues(this.random, template) }, at);
    const bindings = policyBindings(this.random, template.osMetaFamily, this.org.systemGroups, this.org.systems, this.org.policies().length - 1);
    for (const association of bindings) this.org.addAssociation(policy.id, association);
    this.append(pendingResults(this.org, policy.id, this.org.boundSystemIds(policy.id), at));
    this.changes.policiesAdded += 1;
    this.event({ ...this.base(at), kind: "policyAdded", policyId: policy.id, name });
  }

  /** Binds a same-OS system or group to a random policy, or unbinds one of its systems or groups. */
  private moveAssociation(at: number): void {
    const policies = this.org.policies();
    if (policies.length === 0) return;
    const policy = this.random.pick(policies);
    const os = this.org.template(policy.templateId)?.osMetaFamily;
    const current = this.org.associationsOf(policy.id).filter((a) => a.type === "system" || a.type === "system_group");
    const bound = new Set(current.map((a) => a.id));
    const groups = this.org.systemGroups.filter((g) => g.os === os && !bound.has(g.id));
    const systems = this.org.systems.filter((s) => s.os === os && !bound.has(s.id));
    const canBind = groups.length + systems.length > 0;
    const bind = canBind && (current.length === 0 || this.random.chance(0.5));
    if (bind) {
      const useGroup = groups.length > 0 && (systems.length === 0 || this.random.chance(0.4));
      const target: { type: "system" | "system_group"; id: string } = useGroup
        ? { type: "system_group", id: this.random.pick(groups).id }
        : { type: "system", id: this.random.pick(systems).id };
      const before = this.org.boundSystemIds(policy.id);
      this.org.addAssociation(policy.id, { ...target, attributes: null });
      this.append(pendingResults(this.org, policy.id, [...this.org.boundSystemIds(policy.id)].filter((id) => !before.has(id)), at));
      this.changes.associationsAdded += 1;
      this.event({ ...this.base(at), kind: "associationAdded", policyId: policy.id, targetType: target.type, targetId: target.id });
    } else if (current.length > 0) {
      const target = this.random.pick(current);
      this.org.removeAssociation(policy.id, target.type, target.id);
      this.changes.associationsRemoved += 1;
      this.event({ ...this.base(at), kind: "associationRemoved", policyId: policy.id, targetType: target.type as "system" | "system_group", targetId: target.id });
    }
  }

  /** An admin changes one value (to another valid one) or the notes; the policy is re-applied to its systems. */
  private editPolicy(at: number): void {
    const policies = this.org.policies();
    if (policies.length === 0) return;
    const policy = this.random.pick(policies);
    const template = this.org.template(policy.templateId);
    const editable = (template?.configFields ?? []).filter((f) => !f.sensitive && !f.readOnly && ["number", "checkbox", "select", "text", "textarea"].includes(f.displayType));
    let values = policy.values;
    let notes = policy.notes;
    let field: ConfigField | undefined;
    if (editable.length > 0 && this.random.chance(0.5)) {
      field = this.random.pick(editable);
      const current = policy.values.find((v) => v.configFieldID === field?.id)?.value ?? field.defaultValue;
      const value = otherValue(this.random, field, current);
      if (value === undefined) field = undefined;
      else {
        const edited = { configFieldID: field.id, value, sensitive: false };
        values = policy.values.some((v) => v.configFieldID === edited.configFieldID)
          ? policy.values.map((v) => (v.configFieldID === edited.configFieldID ? edited : v))
          : [...policy.values, edited];
      }
    }
    if (!field) notes = `Reviewed ${isoTime(at).slice(0, 10)} by ${this.random.pick(FIRST_NAMES)}.`;
    this.org.replacePolicy(policy.id, { name: policy.name, notes, values });
    this.append(pendingResults(this.org, policy.id, this.org.boundSystemIds(policy.id), at));
    this.changes.policyEdits += 1;
    this.event({ ...this.base(at), kind: "policyEdited", policyId: policy.id, ...(field ? { changed: "value", configFieldID: field.id } : { changed: "notes" }) });
  }
}

const TEXT_VARIANTS = [
  "Authorized use only. Activity may be monitored.",
  "Authorized use only.",
  "This device is company property. Unauthorized access is prohibited.",
  "Use of this system constitutes consent to monitoring.",
];

/** A different value that the template's validators accept, or undefined when the field allows no other. */
function otherValue(random: Random, field: ConfigField, current: PolicyValueData | null): PolicyValueData | undefined {
  switch (field.displayType) {
    case "number": {
      const base = typeof current === "number" ? current : typeof field.defaultValue === "number" ? field.defaultValue : 0;
      const min = field.validators?.min ?? 0;
      const max = field.validators?.max ?? Math.max(base * 2, min + 10);
      const step = Math.max(1, Math.round(Math.abs(base) / 10));
      const up = Math.min(max, base + step * (1 + random.int(3)));
      const down = Math.max(min, base - step * (1 + random.int(3)));
      const options = [up, down].filter((v) => v !== base);
      return options.length > 0 ? random.pick(options) : undefined;
    }
    case "checkbox":
      return current !== true;
    case "select": {
      const options = (field.displayOptions?.select ?? []).map((o) => o.value).filter((v) => v !== current);
      return options.length > 0 ? random.pick(options) : undefined;
    }
    case "text":
    case "textarea": {
      const maxLength = field.validators?.maxLength ?? Infinity;
      const options = TEXT_VARIANTS.filter((t) => t !== current && t.length <= maxLength);
      return options.length > 0 ? random.pick(options) : undefined;
    }
    default:
      return undefined;
  }
}

/** How many times a change with expected count `rate` happens this tick: the whole part, plus one with the fraction's chance. */
function occurrences(random: Random, rate: number): number {
  if (rate <= 0) return 0;
  const whole = Math.floor(rate);
  return whole + (random.next() < rate - whole ? 1 : 0);
}
