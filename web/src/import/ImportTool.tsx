// Import page (editors): drop or choose CSV/JSON/GEXF/GraphML files (or a zip
// of elements.csv + connections.csv), check them with a dry run that lists
// every row-level error, then apply — all or nothing, with a progress bar.
import { useId, useRef, useState } from 'react';
import type { ToolProps } from '../state/types.ts';
import { useT } from '../i18n/index.ts';
import { uploadImport, UploadError, type ImportReport } from './upload.ts';
import '../tools/paths/tools.css';

const ACCEPT = '.csv,.json,.gexf,.graphml,.xml,.zip,text/csv,application/json,application/zip';

type Phase = 'idle' | 'checking' | 'checked' | 'applying' | 'applied';

export function ImportTool({ api, refresh, role }: ToolProps) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [over, setOver] = useState(false);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = (list: FileList | null) => {
    setFiles(list ? [...list] : []);
    setReport(null);
    setError(null);
    setPhase('idle');
  };

  const send = async (dryRun: boolean) => {
    setPhase(dryRun ? 'checking' : 'applying');
    setProgress(0);
    setError(null);
    try {
      const r = await uploadImport(files, { mode, dryRun, token: api.token }, setProgress);
      setReport(r);
      setPhase(dryRun ? 'checked' : 'applied');
      if (!dryRun) refresh();
    } catch (e) {
      // A rejected apply answers 400 with the same row-level errors.
      if (e instanceof UploadError && e.problem.errors?.length) {
        setReport({ created: 0, updated: 0, unchanged: 0, deleted: 0, dryRun, revision: 0, nodes: zero(), relationships: zero(), errors: e.problem.errors.map((x) => ({ ...x, column: x.column === undefined ? undefined : String(x.column) })) });
      }
      setError(e instanceof UploadError ? `${e.status} ${e.message}` : String(e));
      setPhase(dryRun ? 'idle' : 'checked');
    }
  };

  if (!role || role === 'viewer') return <p>{t('import.editorsOnly')}</p>;
  const busy = phase === 'checking' || phase === 'applying';
  const errors = report?.errors ?? [];
  const canApply = phase === 'checked' && report !== null && errors.length === 0;
  return (
    <div className="import-tool">
      <div
        className={`drop-zone${over ? ' over' : ''}`}
        data-testid="import-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          choose(e.dataTransfer.files);
        }}
      >
        <p>{t('import.drop')}</p>
        <label htmlFor={`${id}-file`} className="button-link">
          {t('import.choose')}
        </label>
        <input id={`${id}-file`} ref={input} className="sr-only" type="file" multiple accept={ACCEPT} onChange={(e) => choose(e.target.files)} data-testid="import-file" />
        <p className="tool-note">{t('import.formats')}</p>
      </div>
      {files.length > 0 && (
        <ul className="tool-note" aria-label={t('import.files')}>
          {files.map((f) => (
            <li key={f.name}>
              {f.name} ({t.formatNumber(Math.ceil(f.size / 1024))} kB)
            </li>
          ))}
        </ul>
      )}
      <div className="tool-form">
        <div>
          <label htmlFor={`${id}-mode`}>{t('import.mode')}</label>
          <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value === 'replace' ? 'replace' : 'merge')}>
            <option value="merge">{t('import.merge')}</option>
            <option value="replace">{t('import.replace')}</option>
          </select>
        </div>
        <div className="row">
          <button type="button" className="primary" disabled={!files.length || busy} onClick={() => void send(true)} data-testid="import-check">
            {t('import.check')}
          </button>
          <button type="button" disabled={!canApply || busy} onClick={() => void send(false)} data-testid="import-apply">
            {t('import.apply')}
          </button>
        </div>
        {busy && (
          <div>
            <label htmlFor={`${id}-progress`}>{progress < 1 ? t('import.uploading', { percent: Math.round(progress * 100) }) : t('import.processing')}</label>
            <progress id={`${id}-progress`} max={1} value={progress < 1 ? progress : undefined} />
          </div>
        )}
      </div>
      <div className="tool-results" aria-live="polite" data-testid="import-report">
        {error && errors.length === 0 && <p className="error" role="alert">{t('error.generic', { message: error })}</p>}
        {report && errors.length > 0 && (
          <>
            <h3 className="error" role="alert">{t('import.errors', { count: report.errorCount ?? errors.length })}</h3>
            <p className="tool-note">{t('import.nothingWritten')}</p>
            <table className="error-table" data-testid="import-errors">
              <caption className="sr-only">{t('import.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.file')}</th>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.column')}</th>
                  <th scope="col">{t('import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {errors.slice(0, 200).map((e, i) => (
                  <tr key={i}>
                    <td>{e.file ?? '—'}</td>
                    <td>{e.row ?? '—'}</td>
                    <td>{e.column ?? e.path}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {errors.length > 200 && <p className="tool-note">{t('legend.more', { count: errors.length - 200 })}</p>}
          </>
        )}
        {report && errors.length === 0 && (
          <>
            <h3 className={phase === 'applied' ? 'ok' : undefined}>{phase === 'applied' ? t('import.applied') : t('import.wouldDo')}</h3>
            <div className="counts" role="table" aria-label={t('import.summary')}>
              <div role="row" style={{ display: 'contents' }}>
                <span role="columnheader" />
                <span role="columnheader">{t('import.created')}</span>
                <span role="columnheader">{t('import.updated')}</span>
                <span role="columnheader">{t('import.unchanged')}</span>
              </div>
              {(['nodes', 'relationships'] as const).map((k) => (
                <div role="row" key={k} style={{ display: 'contents' }}>
                  <span role="rowheader">{t(`import.${k}`)}</span>
                  <span role="cell">{t.formatNumber(report[k]?.created ?? 0)}</span>
                  <span role="cell">{t.formatNumber(report[k]?.updated ?? 0)}</span>
                  <span role="cell">{t.formatNumber(report[k]?.unchanged ?? 0)}</span>
                </div>
              ))}
            </div>
            {report.warnings?.length ? (
              <ul className="tool-note">
                {report.warnings.map((w, i) => (
                  <li key={i}>{w}</li>
                ))}
              </ul>
            ) : null}
            {phase === 'checked' && <p className="tool-note">{t('import.readyToApply')}</p>}
          </>
        )}
      </div>
    </div>
  );
}

function zero() {
  return { created: 0, updated: 0, unchanged: 0, deleted: 0 };
}
