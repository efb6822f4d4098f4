"use client";
// The result table sizes its virtual rows with inline heights. Set through the DOM in the browser they are fine;
// server-rendered as style attributes the Content-Security-Policy refuses them, so a server page loads it client-only.
import dynamic from "next/dynamic";

export const ClientItemsTable = dynamic(() => import("./items-table").then((module) => module.ItemsTable), {
  ssr: false,
  loading: () => <p className="text-sm text-zinc-500">Loading the result table…</p>,
});
