// "Share / embed": the permalink of the current view, the <iframe> snippet of
// its read-only embed (view, filters, language and camera kept), and the
// one-file atlas download for publishing on a website without our server.
import { useState } from 'react';
import type { ToolProps } from '../state/types.ts';
import { useT } from '../i18n/index.ts';
import { embedUrl, iframeSnippet, permalink, publishUrl } from './share.ts';
import '../tools/paths/tools.css';
import './share.css';

const SIZES = [
  [800, 600],
  [1000, 700],
  [1200, 800],
] as const;

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = async (field: HTMLTextAreaElement | null) => {
    field?.select();
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard (plain http): the text is selected for Ctrl+C.
      document.execCommand?.('copy');
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly value={value} rows={value.length > 120 ? 4 : 2} onFocus={(e) => e.currentTarget.select()} data-testid={id} />
      <button type="button" onClick={() => void copy(document.getElementById(id) as HTMLTextAreaElement | null)}>
        {copied ? t('share.copied') : t('share.copy')}
      </button>
    </div>
  );
}

export function ShareTool({ state }: ToolProps) {
  const t = useT();
  const [size, setSize] = useState(0);
  const origin = window.location.origin;
  const [width, height] = SIZES[size];
  const embed = embedUrl(origin, state);
  return (
    <div className="share-tool tool-form">
      <CopyField id="share-permalink" label={t('share.permalink')} value={permalink(origin, state)} />
      <label htmlFor="share-size">{t('share.size')}</label>
      <select id="share-size" value={size} onChange={(e) => setSize(Number(e.target.value))}>
        {SIZES.map(([w, h], i) => (
          <option key={i} value={i}>{`${w} × ${h}`}</option>
        ))}
      </select>
      <CopyField id="share-embed" label={t('share.embed')} value={iframeSnippet(embed, t('app.title'), width, height)} />
      <p className="tool-note">{t('share.embedNote')}</p>
      <a className="button-link" href={embed} target="_blank" rel="noopener" data-testid="share-embed-open">
        {t('share.preview')}
      </a>
      <h3>{t('share.atlas')}</h3>
      <p className="tool-note">{t('share.atlasNote')}</p>
      <a className="button-link" href={publishUrl(state, 'html')} download data-testid="share-atlas">
        {t('share.atlasDownload')}
      </a>
    </div>
  );
}
