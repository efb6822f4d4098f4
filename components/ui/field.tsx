import { useId, type ComponentProps, type ReactNode, type SelectHTMLAttributes } from "react";
import { cx } from "./class-names";

export const controlClass =
  "block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-zinc-400 " +
  "focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/70 dark:border-zinc-700 dark:bg-zinc-900 " +
  "aria-[invalid=true]:border-red-500";

interface FieldProps {
  label: string;
  help?: ReactNode;
  error?: string;
  children: (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => ReactNode;
}

/** A label, a control, its help text and its error, wired together for screen readers. */
export function Field({ label, help, error, children }: FieldProps) {
  const id = useId();
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {/* A <div>: help may hold a "how to" list, which a <p> cannot (the browser would re-nest it and break hydration). */}
      {help && (
        <div id={`${id}-help`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {help}
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  help,
  error,
  className,
  ...props
}: Omit<FieldProps, "children"> & ComponentProps<"input">) {
  return (
    <Field label={label} help={help} error={error}>
      {(a11y) => <input className={cx(controlClass, className)} {...a11y} {...props} />}
    </Field>
  );
}

export function SelectField({
  label,
  help,
  error,
  className,
  children,
  ...props
}: Omit<FieldProps, "children"> & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <Field label={label} help={help} error={error}>
      {(a11y) => (
        <select className={cx(controlClass, className)} {...a11y} {...props}>
          {children}
        </select>
      )}
    </Field>
  );
}
