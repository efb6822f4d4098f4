// The refusals every record store (monitors, baselines, alert destinations) words the same way.
import { AppError } from "./app-error";

/** A refusal that points at one form field: `message` for the API, `short` beside the field in the form. */
export function fieldRefusal(kind: "invalid" | "conflict", field: string, short: string, message: string): AppError {
  return new AppError(kind, message, { path: field, fieldErrors: { [field]: short } });
}

/** `record` with its article, as a sentence starts: "A monitor", "An alert destination". */
export function nameTaken(record: string, name: string | undefined): AppError {
  return fieldRefusal("conflict", "name", "already taken", `${record} named "${name}" already exists; choose another name.`);
}

/** A change sent with the version it was based on, and the record has moved on since (optimistic locking). */
export function staleVersion(record: string, current: number, sent: number): AppError {
  return new AppError("conflict", `This ${record} was changed since you read it (version ${current}, you sent ${sent}); reload it and apply your change again.`);
}

/** An update that lost the race to another one made at the same moment (its version check matched no row). */
export function changedMeanwhile(record: string): AppError {
  return new AppError("conflict", `This ${record} was changed at the same time by someone else; reload it and apply your change again.`);
}

/** An id no `record` has ("monitor", "alert destination"), with where its ids are listed. */
export function recordNotFound(record: string, listPath: string): AppError {
  return new AppError("notFound", `No ${record} has this id. List them with GET ${listPath}.`);
}

/** A record that names a credential id no credential has. */
export function unknownCredential(): AppError {
  return fieldRefusal("invalid", "credentialId", "no such credential", "credentialId: no credential has this id; list them with GET /api/v1/credentials.");
}
