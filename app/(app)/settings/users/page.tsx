import type { Metadata } from "next";
import { AddUserForm } from "@/components/settings/add-user-form";
import { RoleSelect } from "@/components/settings/role-select";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { alignRight, TableCard, Td, Tr } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/page-guard";
import { RemoveUserButton } from "@/components/settings/remove-user-button";
import { canAssignRole, canRemoveUser, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { listUsers } from "@/lib/users/users";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageUser("admin");
  const users = await listUsers();
  const addableRoles = ROLES.filter((role) => canAssignRole(actor, null, role));
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title="Users" />
      <TableCard columns={["Name", "Email", "Role", "Added", alignRight("Actions")]}>
        {users.map((user) => {
          const roles = ROLES.filter((role) => role === user.role || canAssignRole(actor, user, role));
          return (
            <Tr key={user.id} data-testid={`user-row-${user.email}`}>
              <Td>{user.name}</Td>
              <Td>{user.email}</Td>
              <Td>
                {roles.length > 1 ? (
                  <RoleSelect userId={user.id} email={user.email} role={user.role} roles={roles} />
                ) : (
                  <Badge tone={user.role === "owner" ? "brand" : "neutral"}>{ROLE_LABELS[user.role]}</Badge>
                )}
              </Td>
              <Td className="text-zinc-500">{user.createdAt.toISOString().slice(0, 10)}</Td>
              <Td align="right">{canRemoveUser(actor, user) && <RemoveUserButton userId={user.id} email={user.email} />}</Td>
            </Tr>
          );
        })}
      </TableCard>
      <Card className="space-y-4">
        <h2 className="text-lg font-medium">Add a user</h2>
        <AddUserForm roles={addableRoles} />
      </Card>
    </div>
  );
}
