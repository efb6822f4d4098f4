import type { Metadata } from "next";
import Link from "next/link";
import { NodeBuilder } from "@/components/node-builder/node-builder";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { orNotFound } from "@/lib/errors/or-not-found";
import { builderSetup } from "@/lib/node-configs/builder-setup";
import { getNodeConfig } from "@/lib/node-configs/node-config-store";
import { runSeed } from "@/lib/node-configs/run-history";
import { parseNodeConfig } from "@/lib/nodes/node-config";

export const metadata: Metadata = { title: "Node" };

export default async function NodePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ run?: string }> }) {
  const user = await requirePageUser("viewer");
  const { id } = await params;
  // "Open in builder" from one of this node's runs: the config and input as that run used them, unsaved.
  const { run } = await searchParams;
  const seed = run ? await runSeed(run) : null;
  const seeded = seed ? parseNodeConfig(seed.config) : undefined;
  const node = await orNotFound(getNodeConfig(id));
  const setup = await builderSetup(user.role);
  return (
    <div className="space-y-4">
      <PageHeader
        title={node.name}
        action={
          <Link href={`/runs?node=${node.id}`} className="text-sm underline">
            Runs of this node
          </Link>
        }
      />
      <NodeBuilder
        key={`${node.id}|${run ?? ""}`}
        initial={{
          id: node.id,
          name: node.name,
          version: node.version,
          credentialId: seed ? seed.credentialId : (node.credential?.id ?? null),
          config: seeded?.ok ? { integration_service: seeded.value.integration_service, resource: seeded.value.resource, operation: seeded.value.operation, parameters: seeded.value.parameters } : node.config,
          sampleInputText: seed ? (seed.input === null ? "" : JSON.stringify(seed.input, null, 2)) : node.sampleInput === null ? "" : JSON.stringify(node.sampleInput, null, 2),
        }}
        services={setup.services}
        credentials={setup.credentials}
        allowedOrigins={setup.allowedOrigins}
        canEdit={hasRole(user.role, "editor")}
      />
    </div>
  );
}
