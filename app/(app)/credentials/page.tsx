import type { Metadata } from "next";
import Link from "next/link";
import { CredentialStatusBadge } from "@/components/credentials/credential-status-badge";
import { DeleteCredentialButton } from "@/components/credentials/delete-credential-button";
import { RecheckButton } from "@/components/credentials/recheck-button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
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
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Credentials</h1>
        {manage && (
          <Link href="/credentials/new" className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Add New Credential
          </Link>
        )}
      </div>
      {credentials.length === 0 ? (
        <EmptyState title="No credentials yet">
          {manage ? "Add a JumpCloud API key to start; it is encrypted before it is stored." : "An admin can add JumpCloud credentials here."}
        </EmptyState>
      ) : (
        <Card className="overflow-x-auto p-0">
          <Table
            testId="credentials-table"
            head={
              <>
                <Th>Name</Th>
                {details && (
                  <>
                    <Th>Auth type</Th>
                    <Th>Host</Th>
                    <Th>Status</Th>
                  </>
                )}
                {manage && <Th align="right">Actions</Th>}
              </>
            }
          >
            <tbody>
              {credentials.map((credential) => (
                <tr key={credential.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid={`credential-row-${credential.name}`}>
                  <td className="px-4 py-2">
                    <div className="font-medium">{credential.name}</div>
                    {details && credential.description && <div className="text-xs text-zinc-500">{credential.description}</div>}
                  </td>
                  {details && (
                    <>
                      <td className="px-4 py-2">{authLabel(credential.service, credential.authType)}</td>
                      <td className="px-4 py-2 text-xs text-zinc-500">{credential.settings.baseUrl ?? credential.settings.region?.toUpperCase() ?? "US"}</td>
                      <td className="px-4 py-2">
                        <CredentialStatusBadge
                          ok={credential.lastTestOk}
                          message={credential.lastTestMessage}
                          latencyMs={credential.lastTestLatencyMs}
                          testedAt={credential.lastTestedAt}
                        />
                      </td>
                    </>
                  )}
                  {manage && (
                    <td className="px-4 py-2 text-right whitespace-nowrap">
                      <RecheckButton id={credential.id} name={credential.name} />
                      <Link href={`/credentials/${credential.id}`} className="rounded-md px-3 py-2 text-sm font-medium hover:bg-zinc-100 dark:hover:bg-zinc-800" aria-label={`Edit ${credential.name}`}>
                        Edit
                      </Link>
                      <DeleteCredentialButton id={credential.id} name={credential.name} usedBy={usage.get(credential.id) ?? []} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </div>
  );
}
