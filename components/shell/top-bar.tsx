import Link from "next/link";
import { signOut } from "@/app/actions/sign-out";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";

export function TopBar({ user }: { user: { name: string; email: string; role: Role } }) {
  return (
    <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900">
      <Link href="/" className="flex items-center gap-2 font-semibold">
        {/* eslint-disable-next-line @next/next/no-img-element -- a static 24px svg needs no optimisation */}
        <img src="/icon.svg" alt="" width={24} height={24} />
        JumpCloud Connections
      </Link>
      <div className="flex items-center gap-3 text-sm">
        <span data-testid="signed-in-user" title={user.email} className="max-w-40 truncate">
          {user.name}
        </span>
        <Badge tone="brand">{ROLE_LABELS[user.role]}</Badge>
        <form action={signOut}>
          <Button type="submit" variant="ghost">
            Sign out
          </Button>
        </form>
      </div>
    </header>
  );
}
