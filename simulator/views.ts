import type { PolicyRecord, PolicyTemplate, SystemGroup, SystemRecord } from "./model";
import type { GraphEdge } from "./org-store";

/** Response bodies exactly as the spec's schemas name them. */

/** `PolicyTemplate`: the shallow template, also embedded in every policy. */
export function templateView(t: PolicyTemplate) {
  return {
    id: t.id, name: t.name, displayName: t.displayName, description: t.description, osMetaFamily: t.osMetaFamily,
    activation: t.activation, behavior: t.behavior, deliveryTypes: t.deliveryTypes, state: t.state, alert: t.alert,
    reference: t.reference, osRestrictions: t.osRestrictions,
  };
}

/** `PolicyTemplateWithDetails`: the spec lists no deliveryTypes/state/alert/reference here, so neither do we. */
export function templateDetailsView(t: PolicyTemplate) {
  return {
    id: t.id, name: t.name, displayName: t.displayName, description: t.description, osMetaFamily: t.osMetaFamily,
    activation: t.activation, behavior: t.behavior, osRestrictions: t.osRestrictions, configFields: t.configFields,
  };
}

/** `Policy` (list items and the PUT answer). */
export function policyView(p: PolicyRecord, template: PolicyTemplate) {
  return { id: p.id, name: p.name, template: templateView(template) };
}

/** `PolicyWithDetails` (POST answer and GET by id). */
export function policyDetailsView(p: PolicyRecord, template: PolicyTemplate) {
  return { id: p.id, name: p.name, notes: p.notes, template: templateView(template), configFields: template.configFields, values: p.values };
}

/** `GraphObjectWithPaths`; compiledAttributes merges the attributes set on the binding edges. */
export function graphObjectView(id: string, type: "system" | "system_group", paths: GraphEdge[][]) {
  const compiledAttributes: Record<string, unknown> = {};
  for (const path of paths) Object.assign(compiledAttributes, path[0]?.attributes ?? {});
  return { id, type, compiledAttributes, paths };
}

/** The v1 `system` schema (subset the simulator models). */
export function systemV1View(s: SystemRecord, orgId: string) {
  return {
    _id: s.id, organization: orgId, hostname: s.hostname, displayName: s.displayName, os: s.os, osFamily: s.osFamily,
    version: s.osVersion, arch: s.arch, agentVersion: s.agentVersion, serialNumber: s.serialNumber, remoteIP: s.remoteIP,
    created: s.created, lastContact: s.lastContact, active: s.active, tags: [] as string[],
  };
}

/** v2 `SystemGroup`: a static group, as an admin creates one in the console. */
export function systemGroupView(g: SystemGroup, orgId: string) {
  return {
    id: g.id, type: "system_group" as const, name: g.name, description: g.description, email: "", attributes: null,
    membershipMethod: "STATIC" as const, memberQuery: null, memberQueryExemptions: [] as unknown[], memberQueryErrorFlags: [] as string[],
    memberSuggestionsNotify: false, organizationObjectId: orgId,
  };
}
