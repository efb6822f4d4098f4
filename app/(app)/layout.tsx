import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { SideNav } from "@/components/shell/side-nav";
import { TopBar } from "@/components/shell/top-bar";
import { currentUser } from "@/lib/auth/guard";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (user.mustChangePassword) redirect("/change-password");
  return (
    <div className="flex min-h-screen flex-col">
      <TopBar user={user} />
      <div className="flex flex-1 flex-col md:flex-row">
        <aside className="border-b border-zinc-200 p-2 sm:p-3 md:w-56 md:shrink-0 md:border-r md:border-b-0 dark:border-zinc-800">
          <SideNav />
        </aside>
        {/* min-w-0: a wide table scrolls inside its card instead of widening the page past a phone's screen. */}
        <main className="min-w-0 flex-1 p-4 sm:p-6">
          <QueryProvider>{children}</QueryProvider>
        </main>
      </div>
    </div>
  );
}
