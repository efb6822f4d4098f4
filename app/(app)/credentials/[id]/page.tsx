import type { Metadata } from "next";
import { CredentialForm } from "@/components/credentials/credential-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/page-guard";
import { getCredential, storedSecretNames } from "@/lib/credentials/credential-store";
import { serviceDescriptors } from "@/lib/credentials/service-descriptors";
import { orNotFound } from "@/lib/errors/or-not-found";

export const metadata: Metadata = { title: "Edit credential" };

export default async function EditCredentialPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const { id } = await params;
  const credential = await orNotFound(getCredential(id));
  return (
    <div className="max-w-2xl space-y-4">
      <PageHeader title={<>Edit “{credential.name}”</>} />
      <Card>
        <CredentialForm
          services={serviceDescriptors()}
          initial={{
            id: credential.id,
            name: credential.name,
            description: credential.description,
            service: credential.service,
            authType: credential.authType,
            settings: credential.settings,
            storedSecrets: await storedSecretNames(credential.id),
            version: credential.version,
          }}
        />
      </Card>
    </div>
  );
}
