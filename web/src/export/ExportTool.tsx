// Export: PNG and SVG of the current view (through the view's exporter), the
// current selection as GEXF/GraphML/CSV/JSON (written in the browser), and
// the whole atlas from GET /api/export.
import { useEffect, useState } from 'react';
import type { ToolProps } from '../state/types.ts';
import { useT } from '../i18n/index.ts';
import { download, restrict, serialize, SELECTION_FORMATS, type SelectionFormat } from './serialize.ts';
import { publishUrl } from '../publish/share.ts';
import '../tools/paths/tools.css';

const WHOLE_FORMATS = ['json', 'csv', 'gexf', 'graphml', 'cypher'] as const;

export function ExportTool({ data, state, exporter, api }: ToolProps) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [onlyHighlighted, setOnlyHighlighted] = useState(false);
  const [width, setWidth] = useState(1600);
  const figureWidth = Number.isInteger(width) && width >= 200 && width <= 8000 ? width : 1600;
  const stem = `atlas-${state.view}-${new Date().toISOString().slice(0, 10)}`;
  // The view registers its exporter in its own effect (after this panel renders, and again
  // when the data arrive or the view changes): keep an eye on it.
  const [view, setView] = useState(exporter.current);
  useEffect(() => {
    const look = () => setView(exporter.current);
    look();
    const timer = setInterval(look, 300);
    return () => clearInterval(timer);
  }, [exporter, state.view]);

  const image = async (kind: 'png' | 'svg') => {
    const current = exporter.current;
    if (!current) return;
    setBusy(true);
    setError(null);
    try {
      if (kind === 'png') download(await current.toPNG(), `${stem}.png`);
      else if (current.toSVG) download(new Blob([current.toSVG()], { type: 'image/svg+xml' }), `${stem}.svg`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const selection = onlyHighlighted && state.highlight.length ? restrict(data, new Set(state.highlight)) : data;
  const save = (format: SelectionFormat) => {
    for (const f of serialize(selection, format, stem)) download(new Blob([f.text], { type: `${f.type};charset=utf-8` }), f.name);
  };

  return (
    <div className="export-tool tool-form">
      <h3>{t('export.image')}</h3>
      {!view && <p className="tool-note">{t('export.noImage')}</p>}
      <div className="row">
        <button type="button" disabled={!view || busy} onClick={() => void image('png')} data-testid="export-png">
          PNG
        </button>
        <button type="button" disabled={!view?.toSVG || busy} onClick={() => void image('svg')} data-testid="export-svg">
          SVG
        </button>
      </div>
      {view && !view.toSVG && <p className="tool-note">{t('export.noSvg')}</p>}
      <h3>{t('export.mapImage')}</h3>
      <label htmlFor="export-width">{t('export.width')}</label>
      <input id="export-width" type="number" min={200} max={8000} step={100} value={width} onChange={(e) => setWidth(Number(e.target.value))} />
      <div className="row">
        <a className="button-link" href={publishUrl(state, 'png', { width: figureWidth })} download data-testid="export-map-png">
          {t('export.scale1')}
        </a>
        <a className="button-link" href={publishUrl(state, 'png', { width: Math.min(figureWidth, 4000), scale: 2 })} download data-testid="export-map-png2">
          {t('export.scale2')}
        </a>
        <a className="button-link" href={publishUrl(state, 'svg', { width: figureWidth })} download data-testid="export-map-svg">
          SVG
        </a>
      </div>
      <h3>{t('export.selection')}</h3>
      <p className="tool-note">{t('export.selectionCount', { nodes: selection.nodes.length, relationships: selection.relationships.length })}</p>
      {state.highlight.length > 0 && (
        <label className="row">
          <input type="checkbox" checked={onlyHighlighted} onChange={(e) => setOnlyHighlighted(e.target.checked)} /> {t('export.onlyHighlighted', { count: state.highlight.length })}
        </label>
      )}
      <div className="row">
        {SELECTION_FORMATS.map((f) => (
          <button key={f} type="button" onClick={() => save(f)} data-testid={`export-${f}`}>
            {t(`export.format.${f}`)}
          </button>
        ))}
      </div>
      <h3>{t('export.whole')}</h3>
      <div className="row">
        {WHOLE_FORMATS.map((f) => (
          <a key={f} className="button-link" href={api.exportUrl(f)} download>
            {t(`export.format.${f}`)}
          </a>
        ))}
      </div>
      {error && <p className="error" role="alert">{t('error.generic', { message: error })}</p>}
    </div>
  );
}
