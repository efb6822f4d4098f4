"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { createCredential } from "@/app/actions/create-credential";
import { testCredentialValues } from "@/app/actions/test-credential-values";
import { updateCredential } from "@/app/actions/update-credential";
import { Button } from "@/components/ui/button";
import { Field, SelectField, TextField, controlClass } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import type { FieldDescriptor, ServiceDescriptor } from "@/lib/credentials/service-descriptors";
import { TestOutcomeNotice, type TestOutcomeView } from "./test-outcome-view";

export interface CredentialFormInitial {
  id: string;
  name: string;
  description: string;
  service: string;
  authType: string;
  settings: Record<string, string>;
  version: number;
}

/** Create or edit a credential. Secrets of a saved credential show as "stored" and are only ever replaced. */
export function CredentialForm({ services, initial }: { services: ServiceDescriptor[]; initial?: CredentialFormInitial }) {
  const router = useRouter();
  const [serviceId, setServiceId] = useState(initial?.service ?? services[0]!.id);
  const service = services.find((s) => s.id === serviceId) ?? services[0]!;
  const [authTypeId, setAuthTypeId] = useState(initial?.authType ?? service.authTypes.find((t) => t.recommended)?.id ?? service.authTypes[0]!.id);
  const authType = service.authTypes.find((t) => t.id === authTypeId) ?? service.authTypes[0]!;
  const [name, setName] = useState(initial?.name ?? "");
  const [description, setDescription] = useState(initial?.description ?? "");
  const [values, setValues] = useState<Record<string, string>>(initial?.settings ?? { region: "us" });
  // Secrets of the saved credential (same auth type) are kept unless the admin chooses to replace them.
  const [replacing, setReplacing] = useState<Record<string, boolean>>({});
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [outcome, setOutcome] = useState<TestOutcomeView>();
  const [pending, startTransition] = useTransition();
  const [action, setAction] = useState<"test" | "save">();
  // Marks the form interactive: typing into the server-rendered form before React hydrates it is lost.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.setAttribute("data-hydrated", ""), []);

  const storedSecret = (field: FieldDescriptor) => Boolean(initial && field.secret && initial.authType === authType.id && !replacing[field.name]);
  const payload = () => {
    const fields: Record<string, string> = {};
    for (const field of [...authType.fields, ...service.connectionFields]) {
      if (!storedSecret(field)) fields[field.name] = values[field.name] ?? "";
    }
    return { name, description, service: service.id, authType: authType.id, fields };
  };

  const run = (which: "test" | "save") => {
    setAction(which);
    setError(undefined);
    setFieldErrors({});
    if (which === "save") setOutcome(undefined);
    startTransition(async () => {
      if (which === "test") {
        const result = await testCredentialValues({ ...payload(), ...(initial ? { id: initial.id } : {}) });
        if (result.ok) setOutcome(result.data);
        else {
          setOutcome(undefined);
          setError(result.error.message);
          setFieldErrors(result.error.fieldErrors ?? {});
        }
        return;
      }
      const result = initial ? await updateCredential({ ...payload(), id: initial.id, expectedVersion: initial.version }) : await createCredential(payload());
      if (result.ok) {
        router.push("/credentials");
        router.refresh();
      } else {
        setError(result.error.message);
        setFieldErrors(result.error.fieldErrors ?? {});
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
        <Field key={field.name} label={label} help="Stored encrypted. It is never shown again; replace it to change it." error={errorText}>
          {(a11y) => (
            <div className="flex items-center gap-2">
              <input {...a11y} className={controlClass} value="•••••••• stored" readOnly aria-readonly="true" />
              <Button variant="secondary" onClick={() => setReplacing((r) => ({ ...r, [field.name]: true }))}>
                Replace
              </Button>
            </div>
          )}
        </Field>
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
        run("save");
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
        <details className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800" open={Boolean(values.baseUrl) || values.region !== "us"}>
          <summary className="cursor-pointer text-sm font-medium">Connection: {service.connectionFields.map((field) => field.label).join(", ")}</summary>
          <div className="mt-3 space-y-4">{service.connectionFields.map(renderField)}</div>
        </details>
      )}
      {outcome && <TestOutcomeNotice outcome={outcome} />}
      <div className="flex gap-3">
        <Button variant="secondary" disabled={pending} onClick={() => run("test")}>
          {pending && action === "test" ? "Testing…" : "Test Connection"}
        </Button>
        <Button type="submit" disabled={pending}>
          {pending && action === "save" ? "Saving…" : "Save"}
        </Button>
      </div>
    </form>
  );
}
