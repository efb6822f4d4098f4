"use server";
import { z } from "zod";
import { guardedAction } from "@/lib/auth/guard";
import { testFormValues } from "@/lib/credentials/credential-connection";
import { credentialFormSchema } from "@/lib/credentials/credential-input";

/** Test Connection on the form's unsaved values (secrets left empty on an edit come from the stored ones). */
export const testCredentialValues = guardedAction(
  { role: "admin", input: credentialFormSchema.extend({ id: z.string().optional() }) },
  async (form, context) => testFormValues({ ...form, id: form.id || undefined }, context),
);
