import type { Metadata } from "next";
import type { ReactNode } from "react";
import { ZodWithoutEval } from "@/components/csp/zod-without-eval";
import { HydrationMarker } from "@/components/shell/hydration-marker";
import "./globals.css";

// Every page reads the session or the database: nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "JumpCloud Connections", template: "%s · JumpCloud Connections" },
  description: "Encrypted JumpCloud credentials, integration-node design and policy operations.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <ZodWithoutEval />
        {children}
        <HydrationMarker />
      </body>
    </html>
  );
}
