// Type-ahead search (ARIA 1.2 combobox + listbox): the API does the accent- and
// typo-tolerant matching; arrows move, Enter opens, Escape closes.
import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/index.ts';
import type { ApiClient } from '../../api/client.ts';
import type { SearchHit } from '../../api/types.ts';
import type { ViewState } from '../../state/types.ts';
import { term } from '../../graph-data/terms.ts';

interface Props {
  api: ApiClient;
  state: ViewState;
  onPick(hit: SearchHit): void;
}

export function SearchBox({ api, state, onPick }: Props) {
  const t = useT();
  const id = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const query = q.trim();
    if (query.length < 2) {
      setHits([]);
      return;
    }
    const mine = ++seq.current;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      api
        .search(query, { limit: 10, at: state.at ?? undefined }, abort.signal)
        .then((result) => {
          if (mine !== seq.current) return;
          setHits(result);
          setActive(result.length ? 0 : -1);
          setOpen(true);
          setError(null);
        })
        .catch((e: unknown) => {
          if (!abort.signal.aborted) setError(e instanceof Error ? e.message : String(e));
        });
    }, 150);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [q, api, state.at]);

  const pick = (hit: SearchHit) => {
    onPick(hit);
    setOpen(false);
    setQ(hit.name);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      if (open && hits[active]) {
        e.preventDefault();
        pick(hits[active]);
      }
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const showList = open && q.trim().length >= 2;
  return (
    <div className="search" role="search">
      <label htmlFor={`${id}-input`} className="sr-only">{t('search.label')}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${id}-opt-${active}` : undefined}
        placeholder={t('search.placeholder')}
        value={q}
        autoComplete="off"
        onChange={(e) => {
          setQ(e.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        data-testid="search-input"
      />
      <ul id={listId} role="listbox" aria-label={t('search.results')} className="search-results" hidden={!showList}>
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(hit)}
            onMouseEnter={() => setActive(i)}
          >
            <span className="hit-name">{hit.name}</span>
            <span className="hit-meta">
              {term(t, 'label', hit.label)} · {term(t, 'kind', hit.kind)}
              {hit.level ? ` · ${term(t, 'level', hit.level)}` : ''}
            </span>
          </li>
        ))}
        {showList && hits.length === 0 && !error && <li className="muted" role="option" aria-selected={false} aria-disabled="true">{t('search.none')}</li>}
      </ul>
      {error && <span className="error" role="alert">{t('search.error')}</span>}
    </div>
  );
}
