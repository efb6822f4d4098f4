import Link from "next/link";
import { operationTitle } from "@/lib/integrations/registry";
import { NODE_EXAMPLES } from "@/lib/nodes/examples";

/** "New node from an example": the guide's examples, each opening the builder with its config and input data. */
export function ExamplesGallery({ open }: { open: boolean }) {
  return (
    <details className="rounded-md border border-zinc-200 dark:border-zinc-700" open={open} data-testid="examples-gallery">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">New node from an example</summary>
      <ul className="grid gap-2 p-3 sm:grid-cols-2 xl:grid-cols-3">
        {NODE_EXAMPLES.map((example) => (
          <li key={example.slug}>
            <Link
              href={`/node-builder/new?example=${example.slug}`}
              className="block h-full rounded-md border border-zinc-200 p-3 text-sm hover:border-brand-500 hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
              data-testid={`example-${example.slug}`}
            >
              <span className="block font-medium">{example.title}</span>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                {operationTitle(example.config.integration_service, example.config.resource, example.config.operation)}
                {example.input ? " · with input data" : ""}
              </span>
              <span className="mt-1 block text-xs text-zinc-600 dark:text-zinc-400">{example.description}</span>
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
