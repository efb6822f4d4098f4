import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/api/read-json-body";
import { guardedRoute } from "@/lib/auth/guard";
import { testFormValues } from "@/lib/credentials/credential-connection";
import { credentialTestSchema } from "@/lib/credentials/credential-input";

/**
 * Test Connection on the credential form's values (secrets left empty on an edit come from the stored ones). A route
 * rather than a server action so that Cancel can abort it: the browser drops the request, `request.signal` aborts,
 * and so does the outbound call.
 */
export const POST = guardedRoute({ role: "admin" }, async (request, context) => {
  const form = credentialTestSchema.parse(await readJsonBody(request, 64 * 1024));
  return NextResponse.json(await testFormValues(form, context, request.signal));
});
