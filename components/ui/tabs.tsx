"use client";
import { useId, type ReactNode } from "react";
import { cx } from "./class-names";

/** Accessible tabs (role=tablist); the caller owns which tab is selected. */
export function Tabs<T extends string>({
  tabs,
  selected,
  onSelect,
  label,
  children,
}: {
  tabs: ReadonlyArray<{ id: T; label: string }>;
  selected: T;
  onSelect: (id: T) => void;
  label: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <div>
      <div role="tablist" aria-label={label} className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {tabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`${id}-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${id}-panel`}
            onClick={() => onSelect(tab.id)}
            className={cx(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium",
              tab.id === selected ? "border-brand-600 text-brand-700 dark:text-white" : "border-transparent text-zinc-500 hover:text-zinc-800",
            )}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${selected}`} className="pt-3">
        {children}
      </div>
    </div>
  );
}
