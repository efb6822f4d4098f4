import type { Metadata } from "next";
import { CredentialStatusBadge } from "@/components/credentials/credential-status-badge";
import { DeleteCredentialButton } from "@/components/credentials/delete-credential-button";
import { RecheckButton } from "@/components/credentials/recheck-button";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { alignRight, TableCard, Td, Tr } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { hasRole } from "@/lib/auth/roles";
import { credentialUsage, listCredentials } from "@/lib/credentials/credential-store";
import { serviceDescriptors } from "@/lib/credentials/service-descriptors";

export const metadata: Metadata = { title: "Credentials" };

export default async function CredentialsPage() {
  const user = await requirePageUser("viewer");
  const manage = hasRole(user.role, "admin");
  const details = hasRole(user.role, "editor");
  const credentials = await listCredentials();
  const services = serviceDescriptors();
  const authLabel = (service: string, authType: string) =>
    services.find((s) => s.id === service)?.authTypes.find((t) => t.id === authType)?.label ?? authType;
  const usage = manage ? await credentialUsage() : new Map<string, string[]>();

  return (
    <div className="max-w-6xl space-y-4">
      <PageHeader title="Credentials" action={manage && <ButtonLink href="/credentials/new">Add New Credential</ButtonLink>} />
      {credentials.length === 0 ? (
        <EmptyState title="No credentials yet">
          {manage ? "Add a JumpCloud API key to start; it is encrypted before it is stored." : "An admin can add JumpCloud credentials here."}
        </EmptyState>
      ) : (
        <TableCard
          testId="credentials-table"
          columns={["Name", ...(details ? ["Auth type", "Host", "Status"] : []), manage && alignRight("Actions")]}
        >
          {credentials.map((credential) => (
            <Tr key={credential.id} data-testid={`credential-row-${credential.name}`}>
              <Td>
                <div className="font-medium">{credential.name}</div>
                {details && credential.description && <div className="text-xs text-zinc-500">{credential.description}</div>}
              </Td>
              {details && (
                <>
                  <Td>{authLabel(credential.service, credential.authType)}</Td>
                  <Td className="text-xs text-zinc-500">{credential.settings.baseUrl ?? credential.settings.region?.toUpperCase() ?? "US"}</Td>
                  <Td>
                    <CredentialStatusBadge
                      ok={credential.lastTestOk}
                      message={credential.lastTestMessage}
                      latencyMs={credential.lastTestLatencyMs}
                      testedAt={credential.lastTestedAt}
                    />
                  </Td>
                </>
              )}
              {manage && (
                <Td align="right" className="whitespace-nowrap">
                  <RecheckButton id={credential.id} name={credential.name} />
                  <ButtonLink variant="ghost" href={`/credentials/${credential.id}`} aria-label={`Edit ${credential.name}`}>
                    Edit
                  </ButtonLink>
                  <DeleteCredentialButton id={credential.id} name={credential.name} usedBy={usage.get(credential.id) ?? []} />
                </Td>
              )}
            </Tr>
          ))}
        </TableCard>
      )}
    </div>
  );
}
