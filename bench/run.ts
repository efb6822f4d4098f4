// `npm run bench`: runs every bench/*.bench.ts (each compares against its own baseline in the same run) and
// writes the figures to bench/results/latest.json. Not a timed test: nothing here passes or fails on speed.
// `npm run bench sync drift` runs those only and keeps the other benches' last figures, each with its own date.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

const only = process.argv.slice(2);
const dir = import.meta.dirname;
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const results: Record<string, unknown> = {};
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, "");
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const bench = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<Record<string, unknown>> };
  try {
    results[name] = { measuredAt: new Date().toISOString(), ...(await bench.run()) };
  } catch (error) {
    results[name] = { measuredAt: new Date().toISOString(), error: error instanceof Error ? error.message : String(error) };
  }
  console.log(JSON.stringify(results[name], null, 2));
  console.log(`=== ${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const out = path.join(dir, "results", "latest.json");
const previous = existsSync(out) ? (JSON.parse(readFileSync(out, "utf8")) as { results?: Record<string, unknown> }) : {};
const report = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  results: { ...previous.results, ...results },
};
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nfigures written to ${path.relative(process.cwd(), out)}`);
process.exit(0);
