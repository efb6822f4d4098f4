import type {
  Association, DirectoryObject, PolicyRecord, PolicyResult, PolicyTemplate, PolicyValue, SystemGroup, SystemRecord, TargetType,
} from "./model";
import type { ObjectIdFactory } from "./object-id";

export interface GraphEdge {
  attributes: Record<string, unknown> | null;
  to: { attributes: null; id: string; type: TargetType };
}

export interface BoundSystem {
  system: SystemRecord;
  paths: GraphEdge[][];
}

interface Binding {
  systems: readonly BoundSystem[];
  ids: ReadonlySet<string>;
}

export interface OrgData {
  orgId: string;
  orgName: string;
  templates: readonly PolicyTemplate[];
  systems: SystemRecord[];
  systemGroups: SystemGroup[];
  users: DirectoryObject[];
  userGroups: DirectoryObject[];
  policies: PolicyRecord[];
  associations: Map<string, Association[]>;
  nextId: ObjectIdFactory;
}

/**
 * One organisation's state with the indexes the list endpoints need. Arrays handed out are never mutated
 * afterwards (writes replace them), so callers may cache work keyed by array identity. Indexes are updated
 * per write (a result append touches only its policy), so writes stay cheap at 100,000 results.
 */
export class OrgStore {
  readonly orgId: string;
  readonly orgName: string;
  readonly templates: readonly PolicyTemplate[];
  private systemList: readonly SystemRecord[];
  private groupList: readonly SystemGroup[];
  private readonly templatesById: Map<string, PolicyTemplate>;
  private readonly systemsById = new Map<string, SystemRecord>();
  private readonly groupsById = new Map<string, SystemGroup>();
  private readonly userIds: Set<string>;
  private readonly userGroupIds: Set<string>;
  private readonly policiesById = new Map<string, PolicyRecord>();
  private policyList: readonly PolicyRecord[];
  private readonly associations: Map<string, readonly Association[]>;
  /** policyID -> the systems it reaches, directly or through groups; built on demand, dropped when bindings change. */
  private readonly bindings = new Map<string, Binding>();
  /** Chronological (writes are stamped with the simulated clock, which only moves forward), so id order is time order. */
  private results: readonly PolicyResult[] = [];
  private readonly resultsById = new Map<string, PolicyResult>();
  private readonly resultsByPolicy = new Map<string, readonly PolicyResult[]>();
  /** policyID -> systemID -> latest result. */
  private readonly latest = new Map<string, Map<string, PolicyResult>>();
  /** policyID -> its statuses (latest result per bound system, in id order), built on demand. */
  private readonly statusCache = new Map<string, readonly PolicyResult[]>();
  private readonly nextId: ObjectIdFactory;
  private enrolled: number;

  constructor(data: OrgData) {
    this.orgId = data.orgId;
    this.orgName = data.orgName;
    this.templates = data.templates;
    this.templatesById = new Map(data.templates.map((t) => [t.id, t]));
    this.systemList = [...data.systems];
    for (const system of data.systems) this.systemsById.set(system.id, system);
    this.groupList = [...data.systemGroups];
    for (const group of data.systemGroups) this.groupsById.set(group.id, group);
    this.userIds = new Set(data.users.map((u) => u.id));
    this.userGroupIds = new Set(data.userGroups.map((g) => g.id));
    for (const policy of data.policies) this.policiesById.set(policy.id, policy);
    this.policyList = [...data.policies];
    this.associations = data.associations;
    this.nextId = data.nextId;
    this.enrolled = data.systems.length;
  }

  /** A new ObjectId whose timestamp is `timeMs` (the simulated clock, so ids follow simulated time). */
  newId(timeMs: number): string {
    return this.nextId(timeMs);
  }

  template(id: string): PolicyTemplate | undefined {
    return this.templatesById.get(id);
  }

  // --- systems and system groups ---

  get systems(): readonly SystemRecord[] {
    return this.systemList;
  }

  get systemGroups(): readonly SystemGroup[] {
    return this.groupList;
  }

  system(id: string): SystemRecord | undefined {
    return this.systemsById.get(id);
  }

  systemGroup(id: string): SystemGroup | undefined {
    return this.groupsById.get(id);
  }

  targetExists(type: TargetType, id: string): boolean {
    switch (type) {
      case "system": return this.systemsById.has(id);
      case "system_group": return this.groupsById.has(id);
      case "user": return this.userIds.has(id);
      case "user_group": return this.userGroupIds.has(id);
    }
  }

  /** Systems ever enrolled, removed ones included: numbers the next hostname. */
  get systemsEnrolled(): number {
    return this.enrolled;
  }

  /** Enrols a system as a member of `groupIds`. */
  addSystem(system: SystemRecord, groupIds: readonly string[]): void {
    this.enrolled += 1;
    this.systemsById.set(system.id, system);
    this.systemList = [...this.systemList, system];
    for (const groupId of groupIds) {
      const group = this.groupsById.get(groupId);
      if (group) this.replaceGroup({ ...group, memberIds: [...group.memberIds, system.id] });
    }
    this.bindings.clear();
    this.statusCache.clear();
  }

  /** Removes a system with its group memberships, direct associations and results, as JumpCloud does. */
  removeSystem(id: string): void {
    if (!this.systemsById.delete(id)) return;
    this.systemList = this.systemList.filter((s) => s.id !== id);
    for (const group of this.groupList) {
      if (group.memberIds.includes(id)) this.replaceGroup({ ...group, memberIds: group.memberIds.filter((m) => m !== id) });
    }
    for (const [policyId, list] of this.associations) {
      if (list.some((a) => a.type === "system" && a.id === id)) this.associations.set(policyId, list.filter((a) => !(a.type === "system" && a.id === id)));
    }
    this.dropResults((r) => r.systemID === id);
    this.bindings.clear();
    this.statusCache.clear();
  }

  private replaceGroup(group: SystemGroup): void {
    this.groupsById.set(group.id, group);
    this.groupList = this.groupList.map((g) => (g.id === group.id ? group : g));
  }

  /** Members of a group in id order. */
  groupMembers(groupId: string): SystemRecord[] {
    const members = (this.groupsById.get(groupId)?.memberIds ?? []).flatMap((id) => this.systemsById.get(id) ?? []);
    return members.sort((a, b) => compareIds(a.id, b.id));
  }

  // --- policies ---

  policies(): readonly PolicyRecord[] {
    return this.policyList;
  }

  policy(id: string): PolicyRecord | undefined {
    return this.policiesById.get(id);
  }

  policyNamed(name: string): PolicyRecord | undefined {
    return this.policyList.find((p) => p.name === name);
  }

  insertPolicy(policy: Omit<PolicyRecord, "id">, timeMs: number): PolicyRecord {
    const record = { id: this.newId(timeMs), ...policy };
    this.policiesById.set(record.id, record);
    this.policyList = [...this.policyList, record];
    return record;
  }

  replacePolicy(id: string, fields: { name: string; notes: string; values: PolicyValue[] }): PolicyRecord {
    const current = this.policiesById.get(id);
    if (!current) throw new RangeError("unknown policy");
    const record = { ...current, ...fields };
    this.policiesById.set(id, record);
    this.policyList = this.policyList.map((p) => (p.id === id ? record : p));
    return record;
  }

  deletePolicy(id: string): void {
    this.policiesById.delete(id);
    this.policyList = this.policyList.filter((p) => p.id !== id);
    this.associations.delete(id);
    this.bindings.delete(id);
    if (this.resultsByPolicy.has(id)) this.dropResults((r) => r.policyID === id);
    this.statusCache.delete(id);
  }

  // --- associations and graph traversal ---

  associationsOf(policyId: string): readonly Association[] {
    return this.associations.get(policyId) ?? [];
  }

  findAssociation(policyId: string, type: TargetType, id: string): Association | undefined {
    return this.associationsOf(policyId).find((a) => a.type === type && a.id === id);
  }

  addAssociation(policyId: string, association: Association): void {
    this.associations.set(policyId, [...this.associationsOf(policyId), association]);
    this.bindingChanged(policyId);
  }

  updateAssociation(policyId: string, association: Association): void {
    this.associations.set(policyId, this.associationsOf(policyId).map((a) => (a.type === association.type && a.id === association.id ? association : a)));
    this.bindingChanged(policyId);
  }

  removeAssociation(policyId: string, type: TargetType, id: string): void {
    this.associations.set(policyId, this.associationsOf(policyId).filter((a) => !(a.type === type && a.id === id)));
    this.bindingChanged(policyId);
  }

  private bindingChanged(policyId: string): void {
    this.bindings.delete(policyId);
    this.statusCache.delete(policyId);
  }

  /** Systems bound to a policy in id order, each with every path that binds it: direct (one edge) or via a system group (two edges). */
  systemPaths(policyId: string): readonly BoundSystem[] {
    return this.binding(policyId).systems;
  }

  /** Ids of the systems a policy reaches (directly or through a group). */
  boundSystemIds(policyId: string): ReadonlySet<string> {
    return this.binding(policyId).ids;
  }

  private binding(policyId: string): Binding {
    const cached = this.bindings.get(policyId);
    if (cached) return cached;
    const found = new Map<string, GraphEdge[][]>();
    const addPath = (systemId: string, path: GraphEdge[]) => {
      if (!this.systemsById.has(systemId)) return;
      const paths = found.get(systemId);
      if (paths) paths.push(path);
      else found.set(systemId, [path]);
    };
    for (const association of this.associationsOf(policyId)) {
      const edge = toEdge(association);
      if (association.type === "system") addPath(association.id, [edge]);
      if (association.type === "system_group") {
        for (const memberId of this.groupsById.get(association.id)?.memberIds ?? []) {
          addPath(memberId, [edge, { attributes: null, to: { attributes: null, id: memberId, type: "system" } }]);
        }
      }
    }
    const systems = [...found.entries()]
      .map(([id, paths]) => ({ system: this.systemsById.get(id) as SystemRecord, paths }))
      .sort((a, b) => compareIds(a.system.id, b.system.id));
    const binding = { systems, ids: new Set(found.keys()) };
    this.bindings.set(policyId, binding);
    return binding;
  }

  systemGroupPaths(policyId: string): Array<{ group: SystemGroup; paths: GraphEdge[][] }> {
    return this.associationsOf(policyId)
      .filter((a) => a.type === "system_group")
      .map((a) => ({ group: this.groupsById.get(a.id), paths: [[toEdge(a)]] }))
      .filter((entry): entry is { group: SystemGroup; paths: GraphEdge[][] } => entry.group !== undefined)
      .sort((a, b) => compareIds(a.group.id, b.group.id));
  }

  // --- results and statuses ---

  allResults(): readonly PolicyResult[] {
    return this.results;
  }

  result(id: string): PolicyResult | undefined {
    return this.resultsById.get(id);
  }

  resultsOfPolicy(policyId: string): readonly PolicyResult[] {
    return this.resultsByPolicy.get(policyId) ?? [];
  }

  /** The latest result of a (policy, system) pair, bound or not. */
  latestResult(policyId: string, systemId: string): PolicyResult | undefined {
    return this.latest.get(policyId)?.get(systemId);
  }

  /** systemID -> latest result of one policy, bound or not (for walking every pair of a policy). */
  latestResults(policyId: string): ReadonlyMap<string, PolicyResult> {
    return this.latest.get(policyId) ?? EMPTY_RESULTS;
  }

  /** A policy's statuses: the latest result of each system it is bound to now, in id order. */
  statusesOfPolicy(policyId: string): readonly PolicyResult[] {
    const cached = this.statusCache.get(policyId);
    if (cached) return cached;
    const bound = this.boundSystemIds(policyId);
    const statuses = [...(this.latest.get(policyId)?.values() ?? [])].filter((r) => bound.has(r.systemID)).sort((a, b) => compareIds(a.id, b.id));
    this.statusCache.set(policyId, statuses);
    return statuses;
  }

  /** A system's statuses: the latest result of each policy bound to it now. */
  statusesOfSystem(systemId: string): PolicyResult[] {
    const statuses: PolicyResult[] = [];
    for (const policy of this.policyList) {
      const status = this.latest.get(policy.id)?.get(systemId);
      if (status && this.boundSystemIds(policy.id).has(systemId)) statuses.push(status);
    }
    return statuses.sort((a, b) => compareIds(a.id, b.id));
  }

  /** Appends results, which must be later than (or as late as) every result already stored. */
  appendResults(batch: readonly PolicyResult[]): void {
    if (batch.length === 0) return;
    this.results = this.results.concat(batch);
    const byPolicy = new Map<string, PolicyResult[]>();
    for (const result of batch) {
      this.resultsById.set(result.id, result);
      const list = byPolicy.get(result.policyID);
      if (list) list.push(result);
      else byPolicy.set(result.policyID, [result]);
      this.noteLatest(result);
    }
    for (const [policyId, added] of byPolicy) {
      this.resultsByPolicy.set(policyId, this.resultsOfPolicy(policyId).concat(added));
      this.statusCache.delete(policyId);
    }
  }

  private noteLatest(result: PolicyResult): void {
    let bySystem = this.latest.get(result.policyID);
    if (!bySystem) this.latest.set(result.policyID, (bySystem = new Map()));
    const previous = bySystem.get(result.systemID);
    if (!previous || previous.startedAt <= result.startedAt) bySystem.set(result.systemID, result);
  }

  /** Removes results (a deleted policy's or system's), re-indexing only the policies they belonged to. */
  private dropResults(drop: (result: PolicyResult) => boolean): void {
    const touched = new Set<string>();
    const kept = this.results.filter((r) => {
      if (!drop(r)) return true;
      this.resultsById.delete(r.id);
      touched.add(r.policyID);
      return false;
    });
    if (touched.size === 0) return;
    this.results = kept;
    for (const policyId of touched) {
      const remaining = this.resultsOfPolicy(policyId).filter((r) => !drop(r));
      this.latest.delete(policyId);
      this.statusCache.delete(policyId);
      if (remaining.length === 0) this.resultsByPolicy.delete(policyId);
      else {
        this.resultsByPolicy.set(policyId, remaining);
        for (const result of remaining) this.noteLatest(result);
      }
    }
  }
}

const EMPTY_RESULTS: ReadonlyMap<string, PolicyResult> = new Map();

function toEdge(association: Association): GraphEdge {
  return { attributes: association.attributes, to: { attributes: null, id: association.id, type: association.type } };
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
