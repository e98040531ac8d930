// A labelled combobox that picks a node of the loaded data by name
// (accent- and case-insensitive, words in any order), for the tools' "from",
// "to", "actor" and "topic" fields.
import { useId, useMemo, useState } from 'react';
import { foldText } from '@atlas/graph/model/text.ts';
import { useT } from '../../i18n/index.ts';
import { Combobox } from '../../app/Combobox.tsx';
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

  return (
    <div className="node-picker">
      <label htmlFor={`${id}-input`}>{label}</label>
      <Combobox
        id={`${id}-input`}
        label={label}
        text={shown}
        options={options}
        optionKey={(n) => n.id}
        renderOption={(n) => (
          <>
            {n.name} <span className="muted">· {term(t, 'label', n.label)}{n.level ? ` · ${term(t, 'level', n.level)}` : ''}</span>
          </>
        )}
        onText={(value) => {
          setText(value);
          if (value === '') onChange(null);
        }}
        onPick={(node) => {
          onChange(node.id);
          setText(null);
        }}
        placeholder={t('tools.pickPlaceholder')}
        testId={testId}
      />
    </div>
  );
}
