import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CredentialForm } from "@/components/credentials/credential-form";
import { Card } from "@/components/ui/card";
import { requirePageUser } from "@/lib/auth/page-guard";
import { CredentialError } from "@/lib/credentials/credential-errors";
import { getCredential, storedSecretNames } from "@/lib/credentials/credential-store";
import { serviceDescriptors } from "@/lib/credentials/service-descriptors";

export const metadata: Metadata = { title: "Edit credential" };

export default async function EditCredentialPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePageUser("admin");
  const { id } = await params;
  const credential = await getCredential(id).catch((error: unknown) => {
    if (error instanceof CredentialError && error.kind === "notFound") notFound();
    throw error;
  });
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold">Edit “{credential.name}”</h1>
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
