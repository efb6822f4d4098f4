"use client";
import { signOut } from "@/app/actions/sign-out";
import { signOutEverywhere } from "@/app/actions/sign-out-everywhere";
import { ActionButton } from "@/components/ui/action-button";

export function SignOutEverywhereButton() {
  return (
    <ActionButton
      variant="secondary"
      confirm="Sign out on every device and browser, this one included? API tokens keep working."
      action={async () => {
        const result = await signOutEverywhere({ confirm: true });
        if (result.ok) await signOut(); // clears this browser's cookie and goes to the sign-in page
        return result;
      }}
      pendingLabel="Signing out…"
    >
      Sign out everywhere
    </ActionButton>
  );
}
