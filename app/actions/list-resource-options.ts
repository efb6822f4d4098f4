"use server";
import { z } from "zod";
import { guardedAction, GuardError } from "@/lib/auth/guard";
import { CredentialError } from "@/lib/credentials/credential-errors";
import { isJumpCloudError } from "@/lib/integrations/jumpcloud/errors";
import { getPolicyTemplate, listResourceOptions as list } from "@/lib/node-configs/resource-options";

const listSchema = z.object({
  credentialId: z.string().min(1),
  resource: z.string().min(1).max(64),
  operation: z.string().min(1).max(64),
  search: z.string().max(200).optional(),
  xOrgId: z.string().max(64).optional(),
  /** With a template id or name: that template's config fields instead of a list (policyTemplate.get). */
  templateId: z.string().max(200).optional(),
});

/** Candidates for a resource locator (or a template's fields), loaded through the credential. */
export const listResourceOptions = guardedAction({ role: "editor", input: listSchema }, async (request) => {
  try {
    if (request.templateId) return { kind: "template" as const, template: await getPolicyTemplate(request.credentialId, request.templateId!, request.xOrgId) };
    return { kind: "options" as const, ...(await list(request)) };
  } catch (error) {
    // JumpCloud and credential errors carry only our own scrubbed text: show them beside the picker.
    if (isJumpCloudError(error)) throw new GuardError("invalid", `${error.message} ${error.guidance}`);
    if (error instanceof CredentialError) throw new GuardError("invalid", error.message);
    throw error;
  }
});
