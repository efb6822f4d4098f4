"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { createCredential } from "@/app/actions/create-credential";
import { updateCredential } from "@/app/actions/update-credential";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/dialog";
import { Field, SelectField, TextField, controlClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { FieldDescriptor, ServiceDescriptor } from "@/lib/credentials/service-descriptors";
import { TestOutcomeNotice } from "./test-outcome-view";
import { useConnectionTest } from "./use-connection-test";

export interface CredentialFormInitial {
  id: string;
  name: string;
  description: string;
  service: string;
  authType: string;
  settings: Record<string, string>;
  /** The secrets this credential holds (names only): only these show as "stored". */
  storedSecrets: string[];
  version: number;
}

/**
 * Create or edit a credential. Secrets of a saved credential show as "stored" and are replaced, or cleared when
 * optional. Test Connection can be cancelled; saving the values it tested makes its outcome the credential's status.
 */
export function CredentialForm({ services, initial }: { services: ServiceDescriptor[]; initial?: CredentialFormInitial }) {
  const router = useRouter();
  const [serviceId, setServiceId] = useState(initial?.service ?? services[0]!.id);
  const service = services.find((s) => s.id === serviceId) ?? services[0]!;
  const [authTypeId, setAuthTypeId] = useState(initial?.authType ?? service.authTypes.find((t) => t.recommended)?.id ?? service.authTypes[0]!.id);
  const authType = service.authTypes.find((t) => t.id === authTypeId) ?? service.authTypes[0]!;
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [values, setValues] = useState<Record<string, string>>(initial?.settings ?? { region: "us" });
  // Open when the saved credential uses a custom connection; afterwards only the user opens or closes it, so
  // clearing the URL being typed does not fold the field away.
  const [connectionOpen, setConnectionOpen] = useState(Boolean(initial?.settings.baseUrl) || (initial?.settings.region ?? "us") !== "us");
  // Secrets of the saved credential (same auth type) are kept unless the admin chooses to replace or clear them.
  const [replacing, setReplacing] = useState<Record<string, boolean>>({});
  const [clearing, setClearing] = useState<Record<string, boolean>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [saving, startSaving] = useTransition();
  const test = useConnectionTest();
  // Marks the form interactive: typing into the server-rendered form before React hydrates it is lost.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.setAttribute("data-hydrated", ""), []);

  const sameAuthType = Boolean(initial && initial.authType === authType.id);
  const holds = (field: FieldDescriptor) => sameAuthType && field.secret && Boolean(initial?.storedSecrets.includes(field.name));
  const storedSecret = (field: FieldDescriptor) => holds(field) && !replacing[field.name] && !clearing[field.name];
  const payload = () => {
    const fields: Record<string, string> = {};
    for (const field of [...authType.fields, ...service.connectionFields]) {
      if (!storedSecret(field) && !clearing[field.name]) fields[field.name] = values[field.name] ?? "";
    }
    const clearSecrets = authType.fields.filter((field) => holds(field) && clearing[field.name]).map((field) => field.name);
    return { name, description, service: service.id, authType: authType.id, fields, ...(clearSecrets.length > 0 ? { clearSecrets } : {}) };
  };
  // A test vouches only for the values it tested: any change to them makes it stale.
  const testedValues = JSON.stringify(payload().fields) + JSON.stringify(payload().clearSecrets ?? []) + authType.id + service.id;
  const receipt = test.receiptFor(testedValues);

  const showErrors = (errors: Record<string, string> | undefined) => {
    setFieldErrors(errors ?? {});
    // An error on a connection field must be seen: unfold the section that holds it.
    if (service.connectionFields.some((field) => errors?.[field.name])) setConnectionOpen(true);
  };

  const runTest = () => {
    setError(undefined);
    setFieldErrors({});
    void test.start({ ...payload(), ...(initial ? { id: initial.id } : {}) }, testedValues).then((failure) => {
      if (failure) {
        setError(failure.message);
        showErrors(failure.fieldErrors);
      }
    });
  };

  // Saved, but with something the admin must know now (a stored signature that expires in minutes).
  const [savedWarnings, setSavedWarnings] = useState<string[]>([]);
  const leave = () => {
    router.push("/credentials");
    router.refresh();
  };

  const save = () => {
    setError(undefined);
    setFieldErrors({});
    startSaving(async () => {
      const form = { ...payload(), ...(receipt ? { testReceipt: receipt } : {}) };
      const result = initial ? await updateCredential({ ...form, id: initial.id, expectedVersion: initial.version }) : await createCredential(form);
      if (result.ok && result.data.warnings.length > 0) setSavedWarnings(result.data.warnings);
      else if (result.ok) leave();
      else {
        setError(result.error.message);
        showErrors(result.error.fieldErrors);
      }
    });
  };

  const renderField = (field: FieldDescriptor) => {
    const label = `${field.label}${field.required ? "" : " (optional)"}`;
    const errorText = fieldErrors[field.name];
    const help = (
      <>
        {field.help}
        {field.howTo && (
          <details className="mt-1">
            <summary className="cursor-pointer font-medium text-brand-600">{field.howTo.title}</summary>
            <ol className="mt-1 list-decimal space-y-0.5 pl-5">
              {field.howTo.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </details>
        )}
      </>
    );
    if (storedSecret(field)) {
      return (
        <StoredValueField key={field.name} label={label} help="Stored encrypted. It is never shown again; replace it to change it." error={errorText} shown="•••••••• stored">
          <Button variant="secondary" onClick={() => setReplacing((r) => ({ ...r, [field.name]: true }))}>
            Replace
          </Button>
          {!field.required && (
            <Button variant="secondary" aria-label={`Clear ${field.label}`} onClick={() => setClearing((c) => ({ ...c, [field.name]: true }))}>
              Clear
            </Button>
          )}
        </StoredValueField>
      );
    }
    if (holds(field) && clearing[field.name]) {
      return (
        <StoredValueField key={field.name} label={label} help="The stored value is removed when you save." error={errorText} shown="(cleared on save)">
          <Button variant="secondary" onClick={() => setClearing((c) => ({ ...c, [field.name]: false }))}>
            Keep
          </Button>
        </StoredValueField>
      );
    }
    const common = {
      name: field.name,
      value: values[field.name] ?? "",
      placeholder: field.placeholder,
      onChange: (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field.name]: event.target.value })),
    };
    if (field.kind === "select") {
      return (
        <SelectField key={field.name} label={label} help={help} error={errorText} {...common}>
          {field.options?.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </SelectField>
      );
    }
    if (field.kind === "textarea") {
      return (
        <Field key={field.name} label={label} help={help} error={errorText}>
          {(a11y) => <textarea {...a11y} {...common} rows={5} spellCheck={false} autoComplete="off" className={`${controlClass} font-mono text-xs`} />}
        </Field>
      );
    }
    return (
      <TextField
        key={field.name}
        label={label}
        help={help}
        error={errorText}
        type={field.secret ? "password" : "text"}
        autoComplete={field.secret ? "new-password" : "off"}
        spellCheck={false}
        {...common}
      />
    );
  };

  return (
    <form
      ref={formRef}
      className="space-y-5"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {error && <Notice tone="error" testId="credential-error">{error}</Notice>}
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} required help="A descriptive name, e.g. JumpCloud Production." error={fieldErrors.name} />
      <TextField label="Description (optional)" value={description} onChange={(e) => setDescription(e.target.value)} error={fieldErrors.description} />
      <SelectField label="Integration Service" value={service.id} onChange={(e) => setServiceId(e.target.value)} error={fieldErrors.service}>
        {services.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </SelectField>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Auth Type</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {service.authTypes.map((t) => (
            <label
              key={t.id}
              className={`cursor-pointer rounded-md border p-3 text-sm ${t.id === authType.id ? "border-brand-500 bg-brand-50 dark:bg-zinc-800" : "border-zinc-300 dark:border-zinc-700"}`}
            >
              <input type="radio" name="authType" value={t.id} checked={t.id === authType.id} onChange={() => setAuthTypeId(t.id)} className="mr-2" />
              <span className="font-medium">{t.label}</span>
              {t.recommended && <span className="ml-1 text-xs text-green-700 dark:text-green-400">(recommended)</span>}
            </label>
          ))}
        </div>
        <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="auth-type-description">
          {authType.description}
        </p>
      </fieldset>
      {authType.fields.map(renderField)}
      {service.connectionFields.length > 0 && (
        <details
          className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800"
          open={connectionOpen}
          onToggle={(event) => setConnectionOpen(event.currentTarget.open)}
        >
          <summary className="cursor-pointer text-sm font-medium">Connection: {service.connectionFields.map((field) => field.label).join(", ")}</summary>
          <div className="mt-3 space-y-4">{service.connectionFields.map(renderField)}</div>
        </details>
      )}
      {test.outcome && <TestOutcomeNotice outcome={test.outcome} />}
      {test.outcome && !receipt && (
        <p className="text-xs text-zinc-500" data-testid="test-stale">
          The values changed since this test; test again so the saved credential shows a current status.
        </p>
      )}
      <div className="flex gap-3">
        <Button variant="secondary" disabled={saving || test.running} onClick={runTest}>
          {test.running ? "Testing…" : "Test Connection"}
        </Button>
        {test.running && (
          <Button variant="ghost" onClick={test.cancel}>
            Cancel
          </Button>
        )}
        <Button type="submit" disabled={saving || test.running}>
          {saving ? "Saving…" : "Save"}
        </Button>
      </div>
      <ConfirmDialog
        open={savedWarnings.length > 0}
        title="Credential saved, with a warning"
        message={savedWarnings.map((warning) => (
          <p key={warning} data-testid="save-warning">
            {warning}
          </p>
        ))}
        confirmLabel="Go to credentials"
        cancelLabel={null}
        onConfirm={leave}
        onCancel={leave}
      />
    </form>
  );
}

/** A stored secret the form cannot show: a read-only stand-in for its value, and the buttons that act on it. */
function StoredValueField({ label, help, error, shown, children }: { label: string; help: string; error: string | undefined; shown: string; children: ReactNode }) {
  return (
    <Field label={label} help={help} error={error}>
      {(a11y) => (
        <div className="flex items-center gap-2">
          <input {...a11y} className={controlClass} value={shown} readOnly aria-readonly="true" />
          {children}
        </div>
      )}
    </Field>
  );
}
