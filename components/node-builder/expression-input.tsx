"use client";
import { useId, useMemo, useRef, useState, type InputHTMLAttributes } from "react";
import { controlClass } from "@/components/ui/field";
import { inputKeys, matchingKeys, openTemplateAt } from "@/lib/nodes/input-keys";
import { useFieldContext } from "./field-context";

/** The drag payload of an input-data key (see InputKeyTree): the template text to insert. */
export const TEMPLATE_MIME = "application/x-jcm-template";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & { value: string; onChange: (text: string) => void };

/**
 * A text field that knows the input data: typing `{{` offers the input's keys (arrows and Enter, or a click), and
 * a key dragged from the input-data tree is inserted where it is dropped (at the caret, or at the end).
 */
export function ExpressionInput({ value, onChange, className, ...rest }: Props) {
  const { input, readOnly } = useFieldContext();
  const keys = useMemo(() => inputKeys(input), [input]);
  const ref = useRef<HTMLInputElement>(null);
  const listId = useId();
  const [open, setOpen] = useState<{ from: number; typed: string } | undefined>();
  const [active, setActive] = useState(0);
  const suggestions = open ? matchingKeys(keys, open.typed) : [];
  const shown = open !== undefined && suggestions.length > 0 && !readOnly;

  const refresh = (text: string, caret: number | null) => {
    setOpen(caret === null ? undefined : openTemplateAt(text, caret));
    setActive(0);
  };

  const insert = (path: string) => {
    const el = ref.current;
    if (!open || !el) return;
    const caret = el.selectionStart ?? value.length;
    const after = value.slice(caret);
    const closing = /^\s*\}\}/.test(after) ? "" : " }}";
    const next = `${value.slice(0, open.from)}${path}${closing}${after}`;
    onChange(next);
    setOpen(undefined);
    const at = open.from + path.length + closing.length;
    requestAnimationFrame(() => el.setSelectionRange(at, at));
  };

  return (
    <div className="relative flex-1">
      <input
        ref={ref}
        className={className ?? controlClass}
        value={value}
        readOnly={readOnly}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={shown}
        aria-controls={shown ? listId : undefined}
        aria-activedescendant={shown ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          onChange(e.target.value);
          refresh(e.target.value, e.target.selectionStart);
        }}
        onKeyDown={(e) => {
          if (!shown) return;
          if (e.key === "ArrowDown" || e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => (i + (e.key === "ArrowDown" ? 1 : suggestions.length - 1)) % suggestions.length);
          } else if (e.key === "Enter" || e.key === "Tab") {
            e.preventDefault();
            insert(suggestions[active]!.path);
          } else if (e.key === "Escape") {
            e.preventDefault();
            setOpen(undefined);
          }
        }}
        onBlur={() => setOpen(undefined)}
        onDragOver={(e) => {
          if (!readOnly && e.dataTransfer.types.includes(TEMPLATE_MIME)) e.preventDefault();
        }}
        onDrop={(e) => {
          const template = e.dataTransfer.getData(TEMPLATE_MIME);
          if (!template || readOnly) return;
          e.preventDefault();
          const el = e.currentTarget;
          const focused = document.activeElement === el;
          const start = focused ? (el.selectionStart ?? value.length) : value.length;
          const end = focused ? (el.selectionEnd ?? start) : value.length;
          onChange(value.slice(0, start) + template + value.slice(end));
          el.focus();
        }}
        {...rest}
      />
      {shown && (
        <ul id={listId} role="listbox" aria-label="Input data keys" className="absolute z-20 mt-1 max-h-60 w-full overflow-auto rounded-md border border-zinc-200 bg-white text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900">
          {suggestions.map((key, index) => (
            <li
              key={key.path}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={`flex cursor-pointer justify-between gap-3 px-2 py-1 font-mono text-xs ${index === active ? "bg-zinc-100 dark:bg-zinc-800" : ""}`}
              // mousedown, not click: the input keeps its focus (and caret) until the key is inserted.
              onMouseDown={(e) => {
                e.preventDefault();
                insert(key.path);
              }}
            >
              <span>{key.path}</span>
              <span className="truncate text-zinc-500">{key.preview}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
