import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="mx-auto max-w-md space-y-3 p-10 text-center">
      <h1 className="text-2xl font-semibold">You do not have access to this page</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Your role does not allow it. Ask an owner or admin if you need access.
      </p>
      <Link href="/" className="text-sm font-medium text-brand-600 underline">
        Back to the app
      </Link>
    </main>
  );
}
