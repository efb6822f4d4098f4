// The example service's two operations: one that reads, one that writes.
import { z } from "zod";
import type { OperationDescription } from "../types";

const text = (what: string) => z.string({ error: `${what} must be text` }).trim().min(1, `${what} must not be empty`);

export const say: OperationDescription = {
  resource: "greeting",
  operation: "say",
  label: "Say",
  description: "Greets someone, as many times as asked",
  writes: false,
  endpoint: { method: "GET", path: "/v1/greetings" },
  parameters: [
    { name: "name", label: "Name", help: "Who to greet.", kind: "text", in: "query", required: true, placeholder: "Ada", schema: text("name") },
    {
      name: "times",
      label: "Times",
      help: "How many greetings to return (1 to 5).",
      kind: "number",
      in: "query",
      required: false,
      default: 1,
      schema: z.coerce.number().int().min(1, "times must be at least 1").max(5, "times must be at most 5"),
    },
  ],
  schema: z.object({ name: text("name"), times: z.coerce.number().int().min(1, "times must be at least 1").max(5, "times must be at most 5").optional() }),
  authTypes: ["token"],
  example: { name: "Ada", times: 2 },
};

const noteSchema = z.strictObject({ title: text("note.title"), body: z.string().optional() });

export const createNote: OperationDescription = {
  resource: "note",
  operation: "create",
  label: "Create",
  description: "Creates a note",
  writes: true,
  endpoint: { method: "POST", path: "/v1/notes" },
  parameters: [
    {
      name: "note",
      label: "Note",
      help: "The note to create.",
      kind: "collection",
      in: "body",
      required: true,
      children: [
        { name: "title", label: "Title", help: "A short title.", kind: "text", in: "body", required: true, schema: text("note.title") },
        { name: "body", label: "Body", help: "The note's text.", kind: "text", in: "body", required: false, schema: z.string() },
      ],
      schema: noteSchema,
    },
  ],
  schema: z.object({ note: noteSchema }),
  authTypes: ["token"],
  example: { note: { title: "Hello" } },
  describeWrite: (parameters) => ({ action: "Create note", summary: `Create note '${(parameters.note as { title: string }).title}'`, destructive: false }),
};
