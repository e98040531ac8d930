// A labelled ARIA 1.2 combobox whose options come from the API as the person
// types (municipalities from /api/places/search, actors from /api/search).
// Arrow keys move, Enter picks, Escape closes; the option count is announced.
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';

export interface Option {
  id: string;
  label: string;
  detail?: string;
}

interface Props {
  label: string;
  hint?: string;
  /** Loads options for a query of at least 2 characters. */
  load(q: string, signal: AbortSignal): Promise<Option[]>;
  onPick(option: Option): void;
  /** Shown in the input when nothing is being typed (the picked option). */
  value?: string;
  /** Cleared after a pick (multi-select fields) instead of showing the pick. */
  clearOnPick?: boolean;
  error?: string;
  /** id of the input (for error summary links). */
  inputId?: string;
  testId?: string;
  onClear?(): void;
}

export function AsyncCombobox({ label, hint, load, onPick, value, clearOnPick, error, inputId, testId, onClear }: Props) {
  const t = useT();
  const base = useId();
  const id = inputId ?? `${base}-input`;
  const [text, setText] = useState<string | null>(null);
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [loading, setLoading] = useState(false);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    const q = (text ?? '').trim();
    if (q.length < 2) {
      setOptions([]);
      return;
    }
    const ctrl = new AbortController();
    setLoading(true);
    // A short pause so each keystroke does not fire a request.
    const timer = setTimeout(() => {
      loader
        .current(q, ctrl.signal)
        .then((list) => {
          setOptions(list);
          setActive(0);
        })
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 150);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text]);

  const pick = (o: Option) => {
    onPick(o);
    setText(clearOnPick ? '' : null);
    setOpen(false);
    setOptions([]);
  };
  const listId = `${base}-list`;
  const expanded = open && options.length > 0;
  const describedBy = [hint ? `${base}-hint` : '', error ? `${base}-error` : ''].filter(Boolean).join(' ') || undefined;
  const typed = (text ?? '').trim().length >= 2;
  return (
    <div className="register-field node-picker">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${base}-hint`}>{hint}</span>}
      <input
        id={id}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${base}-opt-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        value={text ?? value ?? ''}
        data-testid={testId}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (e.target.value === '') onClear?.();
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(options.length - 1, a + 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter' && expanded && options[active]) {
            e.preventDefault();
            pick(options[active]);
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="picker-options" hidden={!expanded}>
        {options.map((o, i) => (
          <li key={o.id} id={`${base}-opt-${i}`} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(o)} onMouseEnter={() => setActive(i)}>
            {o.label} {o.detail && <span className="muted">· {o.detail}</span>}
          </li>
        ))}
      </ul>
      <span className="sr-only" role="status" aria-live="polite">
        {open && typed && !loading ? t('register.options', { count: options.length }) : ''}
      </span>
      {error && (
        <p className="field-error" id={`${base}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
