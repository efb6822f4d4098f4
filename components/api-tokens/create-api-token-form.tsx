"use client";
import { useActionState, useState } from "react";
import { createApiToken } from "@/app/actions/create-api-token";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { API_SCOPE_DESCRIPTIONS, API_SCOPES, API_TOKEN_EXPIRY_DAYS, type ApiScope } from "@/lib/api-tokens/api-token-scopes";

type Result = Awaited<ReturnType<typeof createApiToken>>;

export function CreateApiTokenForm() {
  const [copied, setCopied] = useState(false);
  const [result, submit, pending] = useActionState(async (_previous: Result | null, form: FormData): Promise<Result> => {
    setCopied(false);
    const expiry = String(form.get("expiresInDays") ?? "");
    return createApiToken({
      name: String(form.get("name") ?? ""),
      scopes: form.getAll("scopes").map(String) as ApiScope[],
      expiresInDays: expiry === "" ? null : Number(expiry),
    });
  }, null);
  const error = result?.ok === false ? result.error : undefined;
  const created = result?.ok ? result.data : undefined;
  return (
    <form action={submit} className="space-y-4" key={created?.id}>
      {error && <Notice tone="error">{error.message}</Notice>}
      {created && (
        <Notice tone="success" testId="new-api-token">
          <p>
            Token “{created.name}” created. Copy it now: it is shown only once and cannot be recovered.
          </p>
          <div className="mt-2 flex items-center gap-2">
            <code className="block flex-1 overflow-x-auto rounded bg-white/60 px-2 py-1 font-mono text-xs select-all dark:bg-black/30" data-testid="new-api-token-value">
              {created.token}
            </code>
            <Button
              variant="secondary"
              onClick={() => void navigator.clipboard.writeText(created.token).then(() => setCopied(true))}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
        </Notice>
      )}
      <TextField label="Token name" name="name" required placeholder="NINA production workflows" error={error?.fieldErrors?.name} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Scopes</legend>
        {API_SCOPES.map((scope) => (
          <label key={scope} className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="scopes" value={scope} defaultChecked={scope !== "credentials:read"} className="mt-1" />
            <span>
              <code className="font-mono">{scope}</code>: {API_SCOPE_DESCRIPTIONS[scope]}
            </span>
          </label>
        ))}
        {error?.fieldErrors?.scopes && <p className="text-xs font-medium text-red-600 dark:text-red-400">{error.fieldErrors.scopes}</p>}
      </fieldset>
      <SelectField label="Expires" name="expiresInDays" defaultValue="90" error={error?.fieldErrors?.expiresInDays}>
        {API_TOKEN_EXPIRY_DAYS.map((days) => (
          <option key={days} value={days}>
            In {days} days
          </option>
        ))}
        <option value="">Never</option>
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create token"}
      </Button>
    </form>
  );
}
