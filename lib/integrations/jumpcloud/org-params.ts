/** The parameters that send a call to one organization (x-org-id), or none for the credential's own. */
export function orgParams(orgId: string | undefined): { additionalFields?: { xOrgId: string } } {
  return orgId ? { additionalFields: { xOrgId: orgId } } : {};
}
