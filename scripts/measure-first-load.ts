// Prints the gzipped first-load JavaScript of an app route from the production build's manifests:
// the root main files (framework, runtime) plus the client chunks of the page and its layouts.
// Usage: tsx scripts/measure-first-load.ts [/node-builder/new] [--max-kb 300]
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, ".next");
const args = process.argv.slice(2);
const route = args.find((a) => a.startsWith("/")) ?? "/node-builder/new";
const maxIndex = args.indexOf("--max-kb");
const maxKb = maxIndex >= 0 ? Number(args[maxIndex + 1]) : undefined;

/** The app directory entry of a URL path (route groups included), e.g. /(app)/node-builder/new/page. */
function findEntry(url: string): string {
  const routes = JSON.parse(readFileSync(path.join(next, "app-path-routes-manifest.json"), "utf8")) as Record<string, string>;
  const entry = Object.entries(routes).find(([, value]) => value === url)?.[0];
  if (!entry) throw new Error(`No app route ${url} in the build; run next build first.`);
  return entry;
}

function clientManifest(entry: string): { entryJSFiles: Record<string, string[]> } {
  const file = path.join(next, "server/app", `${entry}_client-reference-manifest.js`);
  const scope = globalThis as unknown as { self: unknown; __RSC_MANIFEST?: Record<string, { entryJSFiles: Record<string, string[]> }> };
  scope.self = globalThis;
  createRequire(import.meta.url)(file);
  const manifest = scope.__RSC_MANIFEST?.[entry];
  if (!manifest) throw new Error(`No client reference manifest for ${entry}`);
  return manifest;
}

const entry = findEntry(route);
const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
const { entryJSFiles } = clientManifest(entry);
// The page's own chunks and those of every layout above it (the segments of its path).
const segments = entry.split("/").slice(1, -1);
const layouts = segments.map((_, i) => `[project]/app/${segments.slice(0, i + 1).join("/")}/layout`);
const owners = ["[project]/app/layout", ...layouts, `[project]/app${entry}`];
const files = new Set([...build.rootMainFiles, ...owners.flatMap((owner) => entryJSFiles[owner] ?? [])]);

let raw = 0;
let gzipped = 0;
for (const file of files) {
  const full = path.join(next, file);
  if (!existsSync(full)) continue;
  const bytes = readFileSync(full);
  raw += bytes.length;
  gzipped += gzipSync(bytes, { level: 9 }).length;
}
const kb = (n: number) => (n / 1024).toFixed(1);
console.log(`${route}: first-load JS ${kb(gzipped)} KB gzipped (${kb(raw)} KB raw, ${files.size} files)`);
if (maxKb !== undefined && gzipped / 1024 > maxKb) {
  console.error(`Over the ${maxKb} KB budget.`);
  process.exit(1);
}
