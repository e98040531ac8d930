import { useT } from '../i18n/index.ts';
import type { GraphNode } from '../state/types.ts';

/** Where each fact comes from: document, quoted text, link, confidence. */
export function ProvenanceList({ provenance }: { provenance: GraphNode['provenance'] }) {
  const t = useT();
  if (!provenance.length) return <p className="muted">{t('panel.noProvenance')}</p>;
  return (
    <ul className="provenance" data-testid="provenance">
      {provenance.map((p, i) => (
        <li key={`${p.source}-${i}`}>
          <div className="prov-source">
            {p.url ? (
              <a href={p.url} target="_blank" rel="noopener noreferrer">{p.source}</a>
            ) : (
              <span>{p.source}</span>
            )}
            {p.confidence < 1 && <span className="muted"> · {t('panel.confidence', { value: Math.round(p.confidence * 100) })}</span>}
          </div>
          {p.quote && <blockquote cite={p.url}>“{p.quote}”</blockquote>}
          {p.note && <p className="muted">{p.note}</p>}
        </li>
      ))}
    </ul>
  );
}
