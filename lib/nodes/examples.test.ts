import { describe, expect, it } from "vitest";
import { hasTemplate } from "./templates";
import { NODE_EXAMPLES } from "./examples";
import { parseNodeConfig } from "./node-config";
import { needSharedFile } from "@/lib/testing/shared-files";
import { guidePath, readGuideExamples } from "./test-fixtures/guide-examples";

describe("the examples gallery", () => {
  it("holds every example of the integration guide, in its order, with the guide's input data", (ctx) => {
    needSharedFile(ctx.skip, guidePath);
    const guide = readGuideExamples();
    expect(NODE_EXAMPLES.map((example) => example.config)).toEqual(guide.map((example) => example.config));
    NODE_EXAMPLES.forEach((example, index) => {
      const printed = guide[index]!.input;
      if (printed) expect(example.input, example.slug).toEqual(printed);
      // Only a templated example the guide prints without input brings its own, so its preview resolves.
      else if (example.input) expect(hasTemplate(JSON.stringify(example.config.parameters)), example.slug).toBe(true);
    });
  });

  it("has unique slugs and configs in the platform's format", () => {
    expect(new Set(NODE_EXAMPLES.map((example) => example.slug)).size).toBe(NODE_EXAMPLES.length);
    for (const example of NODE_EXAMPLES) expect(parseNodeConfig(example.config), example.slug).toMatchObject({ ok: true });
  });
});
