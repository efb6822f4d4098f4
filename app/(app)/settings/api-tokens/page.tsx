import type { Metadata } from "next";
import Link from "next/link";
import { CreateApiTokenForm } from "@/components/api-tokens/create-api-token-form";
import { RevokeApiTokenButton } from "@/components/api-tokens/revoke-api-token-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { TableCard, Td, Tr } from "@/components/ui/table";
import { listApiTokens, type ApiTokenSummary } from "@/lib/api-tokens/api-token-store";
import { requirePageUser } from "@/lib/auth/page-guard";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "API tokens" };

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "—");

function status(token: ApiTokenSummary, now: number) {
  if (token.revokedAt) return <Badge tone="danger">Revoked {day(token.revokedAt)}</Badge>;
  if (token.expiresAt && token.expiresAt.getTime() <= now) return <Badge tone="danger">Expired</Badge>;
  return <Badge tone="success">Active</Badge>;
}

export default async function ApiTokensPage() {
  const user = await requirePageUser("viewer");
  const tokens = await listApiTokens(user.id);
  // A server component renders once per request: "now" is the request time.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal tokens let workflow engines call the <Link href="/api-reference" className="text-brand-600 underline">HTTP API</Link> as
            you: <code className="font-mono">Authorization: Bearer jcm_…</code>. A token acts with your current role ({ROLE_LABELS[user.role]}), limited to its
            scopes; only its hash is stored.
          </>
        }
      />
      {tokens.length === 0 ? (
        <EmptyState title="No tokens yet">Create one below for each workflow engine, so you can revoke them one at a time.</EmptyState>
      ) : (
        <TableCard columns={["Name", "Token", "Scopes", "Created", "Expires", "Last used", "Status", ""]}>
          {tokens.map((token) => (
            <Tr key={token.id} data-testid={`api-token-row-${token.name}`}>
              <Td className="font-medium">{token.name}</Td>
              <Td className="font-mono text-xs">{token.prefix}…</Td>
              <Td className="font-mono text-xs">{token.scopes.join(", ")}</Td>
              <Td className="text-zinc-500">{day(token.createdAt)}</Td>
              <Td className="text-zinc-500">{token.expiresAt ? day(token.expiresAt) : "Never"}</Td>
              <Td className="text-zinc-500">{token.lastUsedAt ? token.lastUsedAt.toISOString().slice(0, 16).replace("T", " ") : "Never"}</Td>
              <Td>{status(token, now)}</Td>
              <Td align="right">{!token.revokedAt && <RevokeApiTokenButton id={token.id} name={token.name} />}</Td>
            </Tr>
          ))}
        </TableCard>
      )}
      <Card className="space-y-4">
        <h2 className="text-lg font-medium">Create a token</h2>
        <CreateApiTokenForm />
      </Card>
    </div>
  );
}
