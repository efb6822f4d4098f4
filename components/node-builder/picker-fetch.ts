// Reads a picker route (/api/builder/*) and turns its refusal into an Error whose message the picker shows.
import type { ErrorBody } from "@/lib/errors/app-error";

export async function fetchPicker<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" }, ...(signal ? { signal } : {}) });
  const body = (await response.json().catch(() => undefined)) as { error?: ErrorBody } | T | undefined;
  if (response.ok) return body as T;
  const error = (body as { error?: ErrorBody } | undefined)?.error;
  throw new Error(error ? [error.message, error.guidance].filter(Boolean).join(" ") : `The list could not be loaded (HTTP ${response.status}).`);
}
