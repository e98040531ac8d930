// One ARIA 1.2 combobox (text input + listbox) for every "type to pick" field:
// the tools' node pickers and the registration page's API-backed fields. Arrow
// keys move, Enter picks, Escape closes. The caller owns the text and the
// options; this owns only whether the list is open and which option is active.
import { useState, type ReactNode } from 'react';

export interface ComboboxProps<T> {
  /** id of the input; the listbox and option ids derive from it. */
  id: string;
  label: string;
  /** What the input shows. */
  text: string;
  options: readonly T[];
  optionKey(option: T): string;
  renderOption(option: T): ReactNode;
  onText(text: string): void;
  onPick(option: T): void;
  placeholder?: string;
  testId?: string;
  describedBy?: string;
  invalid?: boolean;
}

export function Combobox<T>({ id, label, text, options, optionKey, renderOption, onText, onPick, placeholder, testId, describedBy, invalid }: ComboboxProps<T>) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = `${id}-list`;
  const expanded = open && options.length > 0;
  const current = Math.min(active, options.length - 1);
  const pick = (option: T) => {
    onPick(option);
    setOpen(false);
  };
  return (
    <>
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-opt-${current}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        data-testid={testId}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          onText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        // Late enough for a click on an option to land first.
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive(Math.min(options.length - 1, current + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive(Math.max(0, current - 1));
          } else if (e.key === 'Enter' && expanded && options[current]) {
            e.preventDefault();
            pick(options[current]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="picker-options" hidden={!expanded}>
        {options.map((option, i) => (
          <li
            key={optionKey(option)}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === current}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(option)}
            onMouseEnter={() => setActive(i)}
          >
            {renderOption(option)}
          </li>
        ))}
      </ul>
    </>
  );
}
