// A labelled ARIA 1.2 combobox whose options come from the API as the person
// types (municipalities from /api/places/search, actors from /api/search).
// The option count is announced.
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { Combobox } from '../app/Combobox.tsx';

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
        .then(setOptions)
        .catch(() => setOptions([]))
        .finally(() => setLoading(false));
    }, 150);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [text]);

  const describedBy = [hint ? `${base}-hint` : '', error ? `${base}-error` : ''].filter(Boolean).join(' ') || undefined;
  const typed = (text ?? '').trim().length >= 2;
  return (
    <div className="register-field node-picker">
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${base}-hint`}>{hint}</span>}
      <Combobox
        id={id}
        label={label}
        text={text ?? value ?? ''}
        options={options}
        optionKey={(o) => o.id}
        renderOption={(o) => (
          <>
            {o.label} {o.detail && <span className="muted">· {o.detail}</span>}
          </>
        )}
        onText={(typedText) => {
          setText(typedText);
          if (typedText === '') onClear?.();
        }}
        onPick={(o) => {
          onPick(o);
          setText(clearOnPick ? '' : null);
          setOptions([]);
        }}
        testId={testId}
        describedBy={describedBy}
        invalid={!!error}
      />
      <span className="sr-only" role="status" aria-live="polite">
        {typed && !loading ? t('register.options', { count: options.length }) : ''}
      </span>
      {error && (
        <p className="field-error" id={`${base}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
