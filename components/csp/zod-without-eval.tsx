"use client";
import { z } from "zod";

// Zod probes whether eval works (`Function("")`) to compile faster object parsers. Under the app's CSP the
// probe fails as it should, but the browser reports it as a violation; in the browser, parse without it.
if (typeof document !== "undefined") z.config({ jitless: true });

/** Rendered once in the root layout so the setting above runs on every page before anything parses. */
export function ZodWithoutEval() {
  return null;
}
