import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/guard";
import { hasAnyUser } from "@/lib/users/users";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (!(await hasAnyUser())) redirect("/setup");
  if (await currentUser()) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <Card className="space-y-4">
      <h1 className="text-xl font-semibold">Sign in</h1>
      <SignInForm callbackUrl={callbackUrl} />
    </Card>
  );
}
