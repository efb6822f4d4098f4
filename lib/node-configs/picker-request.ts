// The query strings of the builder's picker routes (GET, so the browser caches nothing it should not and several
// pickers load at once; server actions would run one at a time). Browser-safe: the client builds these URLs.
import { z } from "zod";

const scopeSchema = z
  .string()
  .max(2_000)
  .optional()
  .transform((text, ctx) => {
    if (!text) return {};
    try {
      const value: unknown = JSON.parse(text);
      if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: "custom", message: "scope must be a JSON object" });
    return z.NEVER;
  });

const common = { credentialId: z.string().min(1).max(64), scope: scopeSchema };

export const optionsQuerySchema = z.object({
  ...common,
  resource: z.string().min(1).max(64),
  operation: z.string().min(1).max(64),
  pick: z.enum(["value", "name"]).optional(),
  search: z.string().max(200).optional(),
});

export const fieldsQuerySchema = z.object({ ...common, loader: z.string().min(1).max(64), value: z.string().min(1).max(200) });

/** Ids are comma-separated; a table asks for the ids of the rows it shows, at most 500 at a time. */
export const namesQuerySchema = z.object({
  ...common,
  kind: z.string().min(1).max(64),
  ids: z
    .string()
    .max(500 * 65)
    .transform((text) => text.split(",").map((id) => id.trim()).filter((id) => id !== ""))
    .pipe(z.array(z.string().max(64)).min(1, "ids must name at least one id").max(500, "ids may name at most 500 ids")),
});

export type OptionsQuery = z.input<typeof optionsQuerySchema>;
export type FieldsQuery = z.input<typeof fieldsQuerySchema>;

export function pickerUrl(path: "/api/builder/options" | "/api/builder/fields" | "/api/builder/names", query: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, value);
  return `${path}?${params.toString()}`;
}
