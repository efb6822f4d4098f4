import type {
  Association, DirectoryObject, PolicyRecord, PolicyResult, PolicyTemplate, PolicyValue, SystemGroup, SystemRecord, TargetType,
} from "./model";
import type { ObjectIdFactory } from "./object-id";

export interface GraphEdge {
  attributes: Record<string, unknown> | null;
  to: { attributes: null; id: string; type: TargetType };
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
  /** Chronological, so id order is time order. */
  results: PolicyResult[];
  nextId: ObjectIdFactory;
}

/**
 * One organisation's state with the indexes the list endpoints need. Arrays handed out are never
 * mutated afterwards (writes replace them), so callers may cache work keyed by array identity.
 */
export class OrgStore {
  readonly orgId: string;
  readonly orgName: string;
  readonly templates: readonly PolicyTemplate[];
  readonly systems: readonly SystemRecord[];
  readonly systemGroups: readonly SystemGroup[];
  private readonly templatesById: Map<string, PolicyTemplate>;
  private readonly systemsById: Map<string, SystemRecord>;
  private readonly groupsById: Map<string, SystemGroup>;
  private readonly userIds: Set<string>;
  private readonly userGroupIds: Set<string>;
  private readonly policiesById = new Map<string, PolicyRecord>();
  private policyList: readonly PolicyRecord[] = [];
  private readonly associations: Map<string, Association[]>;
  private results: readonly PolicyResult[] = [];
  private resultsById = new Map<string, PolicyResult>();
  private resultsByPolicy = new Map<string, readonly PolicyResult[]>();
  /** policyID -> systemID -> latest result (the "policy status"). */
  private latest = new Map<string, Map<string, PolicyResult>>();
  private readonly nextId: ObjectIdFactory;

  constructor(data: OrgData) {
    this.orgId = data.orgId;
    this.orgName = data.orgName;
    this.templates = data.templates;
    this.templatesById = new Map(data.templates.map((t) => [t.id, t]));
    this.systems = data.systems;
    this.systemsById = new Map(data.systems.map((s) => [s.id, s]));
    this.systemGroups = data.systemGroups;
    this.groupsById = new Map(data.systemGroups.map((g) => [g.id, g]));
    this.userIds = new Set(data.users.map((u) => u.id));
    this.userGroupIds = new Set(data.userGroups.map((g) => g.id));
    for (const policy of data.policies) this.policiesById.set(policy.id, policy);
    this.policyList = [...data.policies];
    this.associations = data.associations;
    this.nextId = data.nextId;
    this.indexResults(data.results);
  }

  newId(): string {
    return this.nextId(Date.now());
  }

  template(id: string): PolicyTemplate | undefined {
    return this.templatesById.get(id);
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

  insertPolicy(policy: Omit<PolicyRecord, "id">): PolicyRecord {
    const record = { id: this.newId(), ...policy };
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
    if (this.resultsByPolicy.has(id)) this.indexResults(this.results.filter((r) => r.policyID !== id));
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
  }

  updateAssociation(policyId: string, association: Association): void {
    this.associations.set(policyId, this.associationsOf(policyId).map((a) => (a.type === association.type && a.id === association.id ? association : a)));
  }

  removeAssociation(policyId: string, type: TargetType, id: string): void {
    this.associations.set(policyId, this.associationsOf(policyId).filter((a) => !(a.type === type && a.id === id)));
  }

  /** Systems bound to a policy, each with every path that binds it: direct (one edge) or via a system group (two edges). */
  systemPaths(policyId: string): Array<{ system: SystemRecord; paths: GraphEdge[][] }> {
    const found = new Map<string, GraphEdge[][]>();
    const addPath = (systemId: string, path: GraphEdge[]) => {
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
    return [...found.entries()]
      .map(([id, paths]) => ({ system: this.systemsById.get(id), paths }))
      .filter((entry): entry is { system: SystemRecord; paths: GraphEdge[][] } => entry.system !== undefined)
      .sort((a, b) => compareIds(a.system.id, b.system.id));
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

  statusesOfPolicy(policyId: string): PolicyResult[] {
    return [...(this.latest.get(policyId)?.values() ?? [])].sort((a, b) => compareIds(a.id, b.id));
  }

  statusesOfSystem(systemId: string): PolicyResult[] {
    const statuses: PolicyResult[] = [];
    for (const bySystem of this.latest.values()) {
      const status = bySystem.get(systemId);
      if (status) statuses.push(status);
    }
    return statuses.sort((a, b) => compareIds(a.id, b.id));
  }

  appendResults(batch: PolicyResult[]): void {
    if (batch.length > 0) this.indexResults([...this.results, ...batch]);
  }

  private indexResults(results: readonly PolicyResult[]): void {
    this.results = results;
    this.resultsById = new Map();
    this.latest = new Map();
    const byPolicy = new Map<string, PolicyResult[]>();
    for (const result of results) {
      this.resultsById.set(result.id, result);
      const list = byPolicy.get(result.policyID);
      if (list) list.push(result);
      else byPolicy.set(result.policyID, [result]);
      let bySystem = this.latest.get(result.policyID);
      if (!bySystem) this.latest.set(result.policyID, (bySystem = new Map()));
      const previous = bySystem.get(result.systemID);
      if (!previous || previous.startedAt <= result.startedAt) bySystem.set(result.systemID, result);
    }
    this.resultsByPolicy = byPolicy;
  }
}

function toEdge(association: Association): GraphEdge {
  return { attributes: association.attributes, to: { attributes: null, id: association.id, type: association.type } };
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
