// Import page (editors): drop or choose CSV/JSON/GEXF/GraphML files (or a zip
// of elements.csv + connections.csv), check them with a dry run that lists
// every row-level error and shows how each CSV column was read (changeable
// before writing), then apply — all or nothing, or skipping the bad rows.
import { useId, useRef, useState } from 'react';
import { CONNECTION_COLUMNS, ELEMENT_COLUMNS } from '@atlas/graph/codecs/column-mapping.ts';
import type { ToolProps } from '../state/types.ts';
import { useT } from '../i18n/index.ts';
import { uploadImport, UploadError, type ColumnRead, type ImportReport } from './upload.ts';
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
  const [onError, setOnError] = useState<'reject' | 'skip'>('reject');
  const [columns, setColumns] = useState<Record<string, string | null>>({});
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = (list: FileList | null) => {
    setFiles(list ? [...list] : []);
    setColumns({});
    setReport(null);
    setError(null);
    setPhase('idle');
  };

  const send = async (dryRun: boolean) => {
    setPhase(dryRun ? 'checking' : 'applying');
    setProgress(0);
    setError(null);
    try {
      const r = await uploadImport(files, { mode, dryRun, onError, columns, token: api.token }, setProgress);
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
  // A changed mapping or option needs a new check before anything is written.
  const changed = () => {
    if (phase === 'checked') setPhase('idle');
  };
  const mappingTables = report?.files?.filter((f) => f.columns?.length) ?? [];
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
        <div>
          <label htmlFor={`${id}-onerror`}>{t('import.onError')}</label>
          <select
            id={`${id}-onerror`}
            data-testid="import-onerror"
            value={onError}
            onChange={(e) => {
              setOnError(e.target.value === 'skip' ? 'skip' : 'reject');
              changed();
            }}
          >
            <option value="reject">{t('import.onError.reject')}</option>
            <option value="skip">{t('import.onError.skip')}</option>
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
        {report?.files?.map((f) =>
          f.kind ? (
            <p className="tool-note" key={`read-${f.name}`} data-testid="import-read-as">
              {t('import.readAs', { file: f.name, rows: t.formatNumber(f.rows), kind: f.kind, encoding: f.encoding ?? '', delimiter: f.delimiter === '\t' ? 'tab' : (f.delimiter ?? '') })}
            </p>
          ) : null,
        )}
        {mappingTables.map((f) => (
          <ColumnMappingTable
            key={`map-${f.name}`}
            file={f.name}
            kind={f.kind === 'connections' ? 'connections' : 'elements'}
            read={f.columns!}
            open={phase !== 'applied'}
            value={columns}
            onChange={(header, field) => {
              setColumns((c) => ({ ...c, [header]: field }));
              changed();
            }}
          />
        ))}
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
            {report.coverage && (
              <p className="tool-note" data-testid="import-coverage">
                {t('import.coverage', Object.fromEntries(Object.entries(report.coverage.places).filter(([, v]) => typeof v === 'number').map(([k, v]) => [k, t.formatNumber(v as number)])))}{' '}
                {t('import.levels', { explicit: t.formatNumber(report.coverage.levels.explicit), inferred: t.formatNumber(report.coverage.levels.inferred), none: t.formatNumber(report.coverage.levels.none) })}
              </p>
            )}
            {report.skipped?.length ? (
              <>
                <p className="error" data-testid="import-skipped">{t('import.skipped', { count: report.skippedCount ?? report.skipped.length })}</p>
                <ul className="tool-note">
                  {report.skipped.slice(0, 200).map((r) => (
                    <li key={`${r.file}-${r.row}`}>
                      {r.file} {t('import.row').toLowerCase()} {r.row}: {r.problems.join('; ')}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
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

/** One row per column of a CSV file: what the import read it as, changeable (null keeps it in properties). */
function ColumnMappingTable({
  file,
  kind,
  read,
  value,
  onChange,
  open,
}: {
  open: boolean;
  file: string;
  kind: 'elements' | 'connections';
  read: ColumnRead[];
  value: Record<string, string | null>;
  onChange: (header: string, field: string | null) => void;
}) {
  const t = useT();
  const id = useId();
  const fields = kind === 'connections' ? CONNECTION_COLUMNS : ELEMENT_COLUMNS;
  return (
    <details className="column-mapping" data-testid="import-mapping" open={open}>
      <summary>{t('import.mapping', { file })}</summary>
      <p className="tool-note">{t('import.mappingHint')}</p>
      <table className="mapping-table">
        <caption className="sr-only">{t('import.mapping', { file })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.columnInFile')}</th>
            <th scope="col">{t('import.readAsField')}</th>
          </tr>
        </thead>
        <tbody>
          {read.map((c, i) => {
            const current = c.header in value ? value[c.header] : c.field;
            return (
              <tr key={c.header}>
                <td>
                  <label htmlFor={`${id}-${i}`}>{c.header}</label>
                </td>
                <td>
                  <select id={`${id}-${i}`} data-header={c.header} value={current ?? ''} onChange={(e) => onChange(c.header, e.target.value || null)}>
                    <option value="">{t('import.keep')}</option>
                    {fields.map((f) => (
                      <option key={f} value={f}>
                        {f}
                      </option>
                    ))}
                  </select>
                  {current === null && c.suggestion ? <span className="muted"> {t('import.didYouMean', { field: c.suggestion })}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </details>
  );
}

function zero() {
  return { created: 0, updated: 0, unchanged: 0, deleted: 0 };
}
