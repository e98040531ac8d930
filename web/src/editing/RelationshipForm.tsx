import { useId, useState } from 'react';
import { PARTICIPATION_ROLES, RELATIONSHIP_TYPES, type RelationshipType } from '@atlas/graph/model/vocabulary.ts';
import type { RelationshipInput } from '@atlas/graph/model/schemas.ts';
import { useT } from '../i18n/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { GraphNode } from '../state/types.ts';
import { term } from '../graph-data/terms.ts';
import { ProblemMessage } from './ProblemMessage.tsx';

/** Create a relationship between two existing nodes (picked by id from a datalist of names). */
export function RelationshipForm({ api, nodes, from: initialFrom, onSaved }: { api: ApiClient; nodes: GraphNode[]; from?: string; onSaved(): void }) {
  const t = useT();
  const id = useId();
  const [type, setType] = useState<RelationshipType>('PARTICIPATES_IN');
  const [from, setFrom] = useState(initialFrom ?? '');
  const [to, setTo] = useState('');
  const [role, setRole] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [source, setSource] = useState('');
  const [quote, setQuote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const f = (n: string) => `${id}-${n}`;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const input: RelationshipInput = {
      type,
      from: from.trim(),
      to: to.trim(),
      properties: role ? { role: role as (typeof PARTICIPATION_ROLES)[number] } : {},
      provenance: [{ source, quote: quote || undefined, confidence: 1 }],
      ...(validFrom ? { validFrom } : {}),
    };
    try {
      await api.createRelationship(input);
      setSaved(true);
      onSaved();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form className="edit-form" onSubmit={submit}>
      <datalist id={f('nodes')}>
        {nodes.slice(0, 5000).map((n) => <option key={n.id} value={n.id}>{n.name}</option>)}
      </datalist>
      <label htmlFor={f('from')}>{t('field.from')}</label>
      <input id={f('from')} list={f('nodes')} value={from} onChange={(e) => setFrom(e.target.value)} required />
      <label htmlFor={f('type')}>{t('field.type')}</label>
      <select id={f('type')} value={type} onChange={(e) => setType(e.target.value as RelationshipType)}>
        {RELATIONSHIP_TYPES.map((r) => <option key={r} value={r}>{term(t, 'type', r)}</option>)}
      </select>
      <label htmlFor={f('to')}>{t('field.to')}</label>
      <input id={f('to')} list={f('nodes')} value={to} onChange={(e) => setTo(e.target.value)} required />
      {type === 'PARTICIPATES_IN' && (
        <>
          <label htmlFor={f('role')}>{t('field.role')}</label>
          <select id={f('role')} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">—</option>
            {PARTICIPATION_ROLES.map((r) => <option key={r} value={r}>{term(t, 'role', r)}</option>)}
          </select>
        </>
      )}
      <label htmlFor={f('since')}>{t('field.since')}</label>
      <input id={f('since')} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
      <label htmlFor={f('source')}>{t('field.source')}</label>
      <input id={f('source')} value={source} onChange={(e) => setSource(e.target.value)} required />
      <label htmlFor={f('quote')}>{t('field.quote')}</label>
      <textarea id={f('quote')} value={quote} onChange={(e) => setQuote(e.target.value)} rows={2} />
      <button type="submit">{t('edit.createRelationship')}</button>
      {saved && <p role="status" className="ok">{t('edit.saved')}</p>}
      <ProblemMessage error={error} />
    </form>
  );
}
