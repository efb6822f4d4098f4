/** One side of a drift item's diff: absent, text, or JSON laid out for reading. */
export function DriftValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="text-zinc-400 italic">absent</span>;
  if (typeof value === "string") return <span className="break-words whitespace-pre-wrap">{value === "" ? <span className="text-zinc-400 italic">empty</span> : value}</span>;
  return <pre className="overflow-x-auto text-xs whitespace-pre-wrap">{JSON.stringify(value, null, 2)}</pre>;
}
