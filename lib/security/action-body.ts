import { nestsDeeperThan } from "./json-nesting";

/**
 * Deepest nesting a server action's arguments may have. React decodes them recursively, and a body nested some
 * thousands of levels overflows the stack before any of our code runs (a 500 with a stack trace in the log).
 * Node configs and their input are capped at 64 levels (lib/nodes/node-config.ts), so this leaves room.
 */
export const MAX_ACTION_NESTING = 1000;

/**
 * Whether a POST to a page (a server action, with or without JavaScript) carries arguments nested deeper than
 * MAX_ACTION_NESTING. Form bodies are checked field by field: React parses each field on its own. API routes
 * read their own bodies (lib/api/read-json-body.ts) and are left alone, unread. A 4 MB body scans in 15-60 ms.
 */
export async function actionBodyTooDeep(request: Request): Promise<boolean> {
  if (request.method !== "POST" || new URL(request.url).pathname.startsWith("/api/")) return false;
  const copy = request.clone(); // the action reads the original
  const type = request.headers.get("content-type") ?? "";
  if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
    const form = await copy.formData().catch(() => undefined);
    return [...(form?.values() ?? [])].some((value) => typeof value === "string" && nestsDeeperThan(value, MAX_ACTION_NESTING));
  }
  return nestsDeeperThan(await copy.text(), MAX_ACTION_NESTING);
}
