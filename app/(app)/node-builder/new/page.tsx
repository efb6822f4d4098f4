import type { Metadata } from "next";
import { ExamplesGallery } from "@/components/node-builder/examples-gallery";
import { NodeBuilder, type BuilderInitial } from "@/components/node-builder/node-builder";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { builderSetup } from "@/lib/node-configs/builder-setup";
import { runSeed } from "@/lib/node-configs/run-history";
import { findExample } from "@/lib/nodes/examples";
import { parseNodeConfig } from "@/lib/nodes/node-config";

export const metadata: Metadata = { title: "New node" };

const EMPTY: BuilderInitial["config"] = { integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: {} };

/** Where a new node starts: empty, from one of the guide's examples (`?example=`), or from a run (`?run=`). */
async function startingPoint(search: { example?: string; run?: string }): Promise<{ config: BuilderInitial["config"]; inputText: string; credentialId?: string | null; name?: string }> {
  if (search.example) {
    const example = findExample(search.example);
    if (example) return { config: example.config, inputText: example.input ? JSON.stringify(example.input, null, 2) : "", name: example.title };
  }
  if (search.run) {
    const seed = await runSeed(search.run);
    const parsed = seed ? parseNodeConfig(seed.config) : undefined;
    if (seed && parsed?.ok) {
      const { integration_service, resource, operation, parameters } = parsed.value;
      return { config: { integration_service, resource, operation, parameters }, inputText: seed.input === null ? "" : JSON.stringify(seed.input, null, 2), credentialId: seed.credentialId, name: seed.nodeName ?? "" };
    }
  }
  return { config: EMPTY, inputText: "" };
}

export default async function NewNodePage({ searchParams }: { searchParams: Promise<{ example?: string; run?: string }> }) {
  const user = await requirePageUser("viewer");
  const search = await searchParams;
  const setup = await builderSetup(user.role);
  const start = await startingPoint(search);
  const credentialId = start.credentialId !== undefined && setup.credentials.some((c) => c.id === start.credentialId) ? start.credentialId : (setup.credentials[0]?.id ?? null);
  return (
    <div className="space-y-4">
      <PageHeader title="New node" />
      <ExamplesGallery open={!search.example && !search.run} />
      <NodeBuilder
        key={`${search.example ?? ""}|${search.run ?? ""}`}
        initial={{ name: start.name ?? "", credentialId, config: start.config, sampleInputText: start.inputText }}
        services={setup.services}
        credentials={setup.credentials}
        allowedOrigins={setup.allowedOrigins}
        canEdit={hasRole(user.role, "editor")}
      />
    </div>
  );
}
