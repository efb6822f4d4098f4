import { nestsDeeperThan } from "./json-nesting";

/**
 * Deepest nesting a server action's arguments may have. React decodes them recursively, and a body nested some
 * thousands of levels overflows the stack before any of our code runs (a 500 with a stack trace in the log).
 * Node configs and their input are capped at 64 levels (lib/nodes/node-config.ts), so this leaves room.
 */
export const MAX_ACTION_NESTING = 1000;

/**
 * Whether a POST to a page (a server action, with or without JavaScript) carries arguments nested deeper than
 * MAX_ACTION_NESTING. Form bodies are checked field by field: React parses each field on its own.
 */
export async function actionBodyTooDeep(request: Request): Promise<boolean> {
  if (request.method !== "POST" || new URL(request.url).pathname.startsWith("/api/")) return false;
  const type = request.headers.get("content-type") ?? "";
  if (/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) {
    const form = await request.formData().catch(() => undefined);
    return [...(form?.values() ?? [])].some((value) => typeof value === "string" && nestsDeeperThan(value, MAX_ACTION_NESTING));
  }
  return nestsDeeperThan(await request.text(), MAX_ACTION_NESTING);
}
