import { NextResponse } from "next/server";
import { z } from "zod";
import { guardedRoute } from "@/lib/auth/guard";
import { monitorPolicyOptions } from "@/lib/compliance/policy-options";

const query = z.object({
  credentialId: z.string().trim().min(1).max(64),
  orgId: z.string().trim().regex(/^[0-9a-fA-F]{24}$/, "orgId must be 24 hexadecimal characters").optional().or(z.literal("").transform(() => undefined)),
  search: z.string().max(200).optional(),
});

/** The monitor form's policy picker (editors: it spends the credential's request budget). */
export const GET = guardedRoute({ role: "editor" }, async (request) => {
  const { credentialId, orgId, search } = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  return NextResponse.json(await monitorPolicyOptions({ credentialId, ...(orgId ? { orgId } : {}), ...(search ? { search } : {}) }));
});
