import type { Metadata } from "next";
import { NodeBuilder } from "@/components/node-builder/node-builder";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { builderSetup } from "@/lib/node-configs/builder-setup";

export const metadata: Metadata = { title: "New node" };

export default async function NewNodePage() {
  const user = await requirePageUser("viewer");
  const setup = await builderSetup(user.role);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New node</h1>
      <NodeBuilder
        initial={{
          name: "",
          credentialId: setup.credentials[0]?.id ?? null,
          config: { integration_service: "jumpcloud", resource: "policy", operation: "list", parameters: {} },
          sampleInputText: "",
        }}
        services={setup.services}
        credentials={setup.credentials}
        allowedOrigins={setup.allowedOrigins}
        canEdit={hasRole(user.role, "editor")}
      />
    </div>
  );
}
