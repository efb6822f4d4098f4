import type { Metadata } from "next";
import { CredentialForm } from "@/components/credentials/credential-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { serviceDescriptors } from "@/lib/credentials/service-descriptors";

export const metadata: Metadata = { title: "Add credential" };

export default async function NewCredentialPage() {
  await requirePageUser("admin");
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title="Add New Credential" />
      <Card>
        <CredentialForm services={serviceDescriptors()} />
      </Card>
    </div>
  );
}
