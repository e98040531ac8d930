import { useT } from '../i18n/index.ts';
import { ApiError } from '../api/client.ts';

/** Shows an API error, listing each field the server named. */
export function ProblemMessage({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  if (error instanceof ApiError) {
    return (
      <div role="alert" className="error">
        <p>{error.problem.title}{error.problem.detail ? `: ${error.problem.detail}` : ''}</p>
        {error.problem.errors && (
          <ul>
            {error.problem.errors.map((e, i) => (
              <li key={i}><code>{e.path || '—'}</code> {e.message}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return <p role="alert" className="error">{t('error.generic', { message: error instanceof Error ? error.message : String(error) })}</p>;
}
