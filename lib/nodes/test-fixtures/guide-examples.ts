// Reads the node configs (and the input documents shown with them) out of the integration guide.
import fs from "node:fs";
import { sharedFile } from "@/lib/testing/shared-files";

export const guidePath = sharedFile("jumpcloud/integration-guide.txt");

export interface GuideExample {
  config: Record<string, unknown>;
  /** The "Input Data" document printed just before the config, if any. */
  input: Record<string, unknown> | undefined;
}

/** Every top-level JSON object of the guide, in order. */
function jsonObjects(text: string): Array<Record<string, unknown>> {
  const objects: Array<Record<string, unknown>> = [];
  let start = text.indexOf("{");
  while (start !== -1) {
    let depth = 0;
    let end = start;
    for (; end < text.length; end += 1) {
      if (text[end] === "{") depth += 1;
      if (text[end] === "}") depth -= 1;
      if (depth === 0) break;
    }
    try {
      objects.push(JSON.parse(text.slice(start, end + 1)) as Record<string, unknown>);
      start = text.indexOf("{", end + 1);
    } catch {
      start = text.indexOf("{", start + 1);
    }
  }
  return objects;
}

export function readGuideExamples(): GuideExample[] {
  const examples: GuideExample[] = [];
  let pendingInput: Record<string, unknown> | undefined;
  for (const object of jsonObjects(fs.readFileSync(guidePath, "utf8"))) {
    if ("integration_service" in object) {
      examples.push({ config: object, input: pendingInput });
      pendingInput = undefined;
    } else {
      pendingInput = object;
    }
  }
  return examples;
}
