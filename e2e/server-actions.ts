// Calling server actions over HTTP, as a browser's form does, for tests that must reach them without the UI.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * Action ids by `file#export`: `next build` writes .next/server/server-reference-manifest.json, which maps each
 * action id to its source file and export name.
 */
export function actionIds(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const ids = new Map<string, string>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename?.startsWith("app/actions/")) ids.set(`${path.basename(entry.filename)}#${entry.exportedName}`, id);
  }
  return ids;
}

/**
 * A POST to any page with the header `Next-Action: <id>` and the arguments as a JSON array runs the action;
 * the answer is React's flight format (`1:<json result>`). We post to /sign-in, a public page; Next forwards
 * the call to a page that imports the action, so an anonymous caller is stopped by the proxy (no result at all)
 * or else by the action's own guard.
 */
export async function callAction(context: APIRequestContext, id: string, args: unknown[], page = "/sign-in"): Promise<{ status: number; result: unknown }> {
  const response = await context.post(page, {
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const line = (await response.text()).split("\n").find((l) => l.startsWith("1:"));
  return { status: response.status(), result: line ? JSON.parse(line.slice(2)) : undefined };
}
