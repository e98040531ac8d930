// Create or edit a node. Only the fields people edit by hand are here (imports
// cover the rest); a new provenance entry is required for every change, so
// each fact keeps saying where it comes from.
import { useId, useState } from 'react';
import { KINDS_BY_LABEL, LEVELS, NODE_LABELS, type NodeLabel } from '@atlas/graph/model/vocabulary.ts';
import type { NodeInput, NodePatch } from '@atlas/graph/model/schemas.ts';
import { useT } from '../i18n/index.ts';
import type { ApiClient } from '../api/client.ts';
import type { GraphNode } from '../state/types.ts';
import { term } from '../graph-data/terms.ts';
import { ProblemMessage } from './ProblemMessage.tsx';

interface Props {
  api: ApiClient;
  node: GraphNode | null;
  onSaved(node: GraphNode): void;
}

const list = (s: string) => s.split(/[;,]/).map((x) => x.trim()).filter(Boolean);

export function NodeForm({ api, node, onSaved }: Props) {
  const t = useT();
  const id = useId();
  const [label, setLabel] = useState<NodeLabel>(node?.label ?? 'Actor');
  const [name, setName] = useState(node?.name ?? '');
  const [kind, setKind] = useState(node?.kind ?? KINDS_BY_LABEL.Actor[0]);
  const [level, setLevel] = useState<string>(node?.level ?? '');
  const [description, setDescription] = useState(node?.description ?? '');
  const [tags, setTags] = useState((node?.tags ?? []).join('; '));
  const [municipality, setMunicipality] = useState(node?.place?.municipality ?? '');
  const [region, setRegion] = useState(node?.place?.region ?? '');
  const [country, setCountry] = useState(node?.place?.country ?? '');
  const [website, setWebsite] = useState(node?.website ?? '');
  const [validFrom, setValidFrom] = useState(node?.validFrom ?? '');
  const [validTo, setValidTo] = useState(node?.validTo ?? '');
  const [source, setSource] = useState('');
  const [quote, setQuote] = useState('');
  const [url, setUrl] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const kinds = KINDS_BY_LABEL[label];
  const f = (name: string) => `${id}-${name}`;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const place = municipality || region || country ? { municipality: municipality || undefined, region: region || undefined, country: country || undefined } : undefined;
    const provenance = source ? [{ source, quote: quote || undefined, url: url || undefined, confidence: 1 }] : [];
    try {
      let result: GraphNode;
      if (node) {
        const patch: NodePatch = {
          name,
          kind,
          level: (level || null) as NodePatch['level'],
          description: description || null,
          tags: list(tags),
          place: place ?? null,
          website: website || null,
          validFrom: validFrom || null,
          validTo: validTo || null,
          ...(provenance.length ? { provenance: [...node.provenance, ...provenance] } : {}),
        };
        result = await api.updateNode(node.id, patch);
      } else {
        const input: NodeInput = {
          label,
          name,
          kind,
          ...(level ? { level: level as NodeInput['level'] } : {}),
          ...(description ? { description } : {}),
          tags: list(tags),
          ...(place ? { place } : {}),
          ...(website ? { website } : {}),
          ...(validFrom ? { validFrom } : {}),
          ...(validTo ? { validTo } : {}),
          provenance,
        };
        result = await api.createNode(input);
      }
      onSaved(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="edit-form" onSubmit={submit}>
      <label htmlFor={f('label')}>{t('field.label')}</label>
      <select id={f('label')} value={label} disabled={!!node} onChange={(e) => {
        const l = e.target.value as NodeLabel;
        setLabel(l);
        setKind(KINDS_BY_LABEL[l][0]);
      }}>
        {NODE_LABELS.map((l) => <option key={l} value={l}>{term(t, 'label', l)}</option>)}
      </select>
      <label htmlFor={f('name')}>{t('field.name')}</label>
      <input id={f('name')} value={name} onChange={(e) => setName(e.target.value)} required maxLength={500} />
      <label htmlFor={f('kind')}>{t('field.kind')}</label>
      <select id={f('kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
        {kinds.map((k) => <option key={k} value={k}>{term(t, 'kind', k)}</option>)}
      </select>
      <label htmlFor={f('level')}>{t('field.level')}</label>
      <select id={f('level')} value={level} onChange={(e) => setLevel(e.target.value)}>
        <option value="">—</option>
        {LEVELS.map((l) => <option key={l} value={l}>{term(t, 'level', l)}</option>)}
      </select>
      <label htmlFor={f('description')}>{t('field.description')}</label>
      <textarea id={f('description')} value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
      <label htmlFor={f('tags')}>{t('field.tags')}</label>
      <input id={f('tags')} value={tags} onChange={(e) => setTags(e.target.value)} aria-describedby={f('tags-hint')} />
      <small id={f('tags-hint')} className="muted">{t('edit.listHint')}</small>
      <label htmlFor={f('municipality')}>{t('field.municipality')}</label>
      <input id={f('municipality')} value={municipality} onChange={(e) => setMunicipality(e.target.value)} />
      <label htmlFor={f('region')}>{t('field.region')}</label>
      <input id={f('region')} value={region} onChange={(e) => setRegion(e.target.value)} />
      <label htmlFor={f('country')}>{t('field.country')}</label>
      <input id={f('country')} value={country} onChange={(e) => setCountry(e.target.value)} />
      <label htmlFor={f('website')}>{t('field.website')}</label>
      <input id={f('website')} type="url" value={website} onChange={(e) => setWebsite(e.target.value)} />
      <label htmlFor={f('from')}>{t('field.since')}</label>
      <input id={f('from')} type="date" value={validFrom} onChange={(e) => setValidFrom(e.target.value)} />
      <label htmlFor={f('to')}>{t('field.until')}</label>
      <input id={f('to')} type="date" value={validTo} onChange={(e) => setValidTo(e.target.value)} />
      <fieldset>
        <legend>{t('edit.provenance')}</legend>
        <label htmlFor={f('source')}>{t('field.source')}</label>
        <input id={f('source')} value={source} onChange={(e) => setSource(e.target.value)} required={!node} />
        <label htmlFor={f('quote')}>{t('field.quote')}</label>
        <textarea id={f('quote')} value={quote} onChange={(e) => setQuote(e.target.value)} rows={2} />
        <label htmlFor={f('url')}>{t('field.url')}</label>
        <input id={f('url')} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      </fieldset>
      <button type="submit" disabled={busy}>{node ? t('edit.save') : t('edit.create')}</button>
      <ProblemMessage error={error} />
    </form>
  );
}
