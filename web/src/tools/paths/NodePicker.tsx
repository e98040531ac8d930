// A labelled combobox that picks a node of the loaded data by name
// (accent- and case-insensitive, words in any order), for the tools' "from",
// "to", "actor" and "topic" fields. ARIA 1.2 combobox + listbox.
import { useId, useMemo, useState } from 'react';
import { foldText } from '@atlas/graph/model/text.ts';
import { useT } from '../../i18n/index.ts';
import { term } from '../../graph-data/terms.ts';
import type { GraphNode, NodeLabel } from '../../state/types.ts';

interface Props {
  label: string;
  nodes: GraphNode[];
  /** Only these labels are offered (e.g. Actor). */
  labels?: NodeLabel[];
  value: string | null;
  onChange(id: string | null): void;
  testId?: string;
}

const MAX_OPTIONS = 12;

export function NodePicker({ label, nodes, labels, value, onChange, testId }: Props) {
  const t = useT();
  const id = useId();
  const offered = useMemo(() => (labels ? nodes.filter((n) => labels.includes(n.label)) : nodes), [nodes, labels]);
  const selected = value ? offered.find((n) => n.id === value) : undefined;
  const [text, setText] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const shown = text ?? selected?.name ?? value ?? '';
  const options = useMemo(() => {
    const words = foldText(text ?? '').split(/\s+/).filter(Boolean);
    if (!words.length) return offered.slice(0, MAX_OPTIONS);
    return offered
      .filter((n) => {
        const hay = foldText(`${n.name} ${(n.aliases ?? []).join(' ')} ${n.id}`);
        return words.every((w) => hay.includes(w));
      })
      .sort((a, b) => Number(!foldText(a.name).startsWith(words[0])) - Number(!foldText(b.name).startsWith(words[0])) || a.name.localeCompare(b.name))
      .slice(0, MAX_OPTIONS);
  }, [offered, text]);

  const pick = (node: GraphNode) => {
    onChange(node.id);
    setText(null);
    setOpen(false);
  };
  const listId = `${id}-list`;
  const expanded = open && options.length > 0;
  return (
    <div className="node-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="text"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        value={shown}
        placeholder={t('tools.pickPlaceholder')}
        data-testid={testId}
        onFocus={() => setOpen(true)}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
          if (e.target.value === '') onChange(null);
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
        {options.map((n, i) => (
          <li
            key={n.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(n)}
            onMouseEnter={() => setActive(i)}
          >
            {n.name} <span className="muted">· {term(t, 'label', n.label)}{n.level ? ` · ${term(t, 'level', n.level)}` : ''}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
