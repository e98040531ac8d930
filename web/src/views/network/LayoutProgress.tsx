import { useT } from '../../i18n/index.ts';

export type LayoutStatus =
  | { phase: 'idle' }
  | { phase: 'running'; progress: number }
  | { phase: 'done' }
  | { phase: 'error'; message: string };

/** "Laying out… 40 %" while the server computes the layout; an error stays visible. */
export function LayoutProgress({ status }: { status: LayoutStatus }) {
  const t = useT();
  if (status.phase === 'idle' || status.phase === 'done') return null;
  if (status.phase === 'error')
    return (
      <p className="layout-progress error" role="alert" data-testid="layout-progress">
        {t('layout.error', { message: status.message })}
      </p>
    );
  const pct = Math.round(Math.max(0, Math.min(1, status.progress)) * 100);
  return (
    <div className="layout-progress" role="status" data-testid="layout-progress">
      <span>{t('layout.running')}</span>
      <progress max={100} value={pct} aria-label={t('layout.running')} />
      <span className="muted">{pct} %</span>
    </div>
  );
}
