// Errors an integration raises: an AppError whose kind, HTTP status and advice come from the integration's own
// table of error kinds. Browser-safe.
import { AppError, type Issue } from "@/lib/errors/app-error";

export interface ErrorKindSpec {
  /** What the app answers with when a run fails this way (the caller's fault 400, upstream refusal 422, …). */
  status: number;
  /** What to do about it, in the integration guide's voice. */
  advice: string;
  /** Advice for a credential type where the fix differs (a rejected signature is not a rejected API key). */
  adviceByAuthType?: Readonly<Record<string, string>>;
}

/** The advice for a kind, for the credential type that failed when it is known. */
export function adviceFor(spec: ErrorKindSpec, authType: string | undefined): string {
  return (authType !== undefined && spec.adviceByAuthType && Object.hasOwn(spec.adviceByAuthType, authType) ? spec.adviceByAuthType[authType] : undefined) ?? spec.advice;
}

export interface IntegrationErrorInit<K extends string> {
  service: string;
  kind: K;
  spec: ErrorKindSpec;
  message: string;
  /** The service's own HTTP status, when it answered. */
  upstreamStatus?: number;
  /** The credential type in use, for advice that depends on it. */
  authType?: string;
  /** The parameter at fault, e.g. `policyData.template`. */
  path?: string;
  issues?: Issue[];
  /** Method and path (no host, no headers) of the request that failed, for the run record. */
  request?: { method: string; path: string };
  cause?: unknown;
}

export class IntegrationError<K extends string = string> extends AppError<K> {
  override name = "IntegrationError";
  readonly service: string;
  readonly request: { method: string; path: string } | undefined;
  readonly authType: string | undefined;

  constructor(init: IntegrationErrorInit<K>) {
    super(init.kind, init.message, {
      status: init.spec.status,
      guidance: adviceFor(init.spec, init.authType),
      ...(init.upstreamStatus === undefined ? {} : { upstreamStatus: init.upstreamStatus }),
      ...(init.path === undefined ? {} : { path: init.path }),
      ...(init.issues === undefined ? {} : { issues: init.issues }),
      ...(init.cause === undefined ? {} : { cause: init.cause }),
    });
    this.service = init.service;
    this.request = init.request;
    this.authType = init.authType;
  }

  /** What a JSON rendering (a log line, a test snapshot) shows: our own scrubbed text only. */
  toJSON() {
    return { name: this.name, service: this.service, ...this.toBody(), ...(this.request === undefined ? {} : { request: this.request }) };
  }
}

export function isIntegrationError(value: unknown): value is IntegrationError {
  return value instanceof IntegrationError;
}
