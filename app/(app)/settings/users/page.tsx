import type { Metadata } from "next";
import { AddUserForm } from "@/components/settings/add-user-form";
import { RoleSelect } from "@/components/settings/role-select";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Th } from "@/components/ui/table";
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
      <h1 className="text-2xl font-semibold">Users</h1>
      <Card className="overflow-x-auto p-0">
        <Table
          head={
            <>
              <Th>Name</Th>
              <Th>Email</Th>
              <Th>Role</Th>
              <Th>Added</Th>
              <Th align="right">Actions</Th>
            </>
          }
        >
          <tbody>
            {users.map((user) => {
              const roles = ROLES.filter((role) => role === user.role || canAssignRole(actor, user, role));
              return (
                <tr key={user.id} className="border-b border-zinc-100 last:border-0 dark:border-zinc-800" data-testid={`user-row-${user.email}`}>
                  <td className="px-4 py-2">{user.name}</td>
                  <td className="px-4 py-2">{user.email}</td>
                  <td className="px-4 py-2">
                    {roles.length > 1 ? (
                      <RoleSelect userId={user.id} email={user.email} role={user.role} roles={roles} />
                    ) : (
                      <Badge tone={user.role === "owner" ? "brand" : "neutral"}>{ROLE_LABELS[user.role]}</Badge>
                    )}
                  </td>
                  <td className="px-4 py-2 text-zinc-500">{user.createdAt.toISOString().slice(0, 10)}</td>
                  <td className="px-4 py-2 text-right">{canRemoveUser(actor, user) && <RemoveUserButton userId={user.id} email={user.email} />}</td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      </Card>
      <Card className="space-y-4">
        <h2 className="text-lg font-medium">Add a user</h2>
        <AddUserForm roles={addableRoles} />
      </Card>
    </div>
  );
}
