import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md space-y-6">
        <div className="flex items-center gap-2 text-lg font-semibold">
          {/* eslint-disable-next-line @next/next/no-img-element -- a static 28px svg needs no optimisation */}
          <img src="/icon.svg" alt="" width={28} height={28} />
          JumpCloud Connections
        </div>
        {children}
      </div>
    </main>
  );
}
