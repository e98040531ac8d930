import { useId, useState } from 'react';
import { useT } from '../i18n/index.ts';
import { ApiError, type ApiClient } from '../api/client.ts';
import { detectRole, storeToken, type Role } from './session.ts';

interface Props {
  api: ApiClient;
  role: Role | null;
  onChange(role: Role | null): void;
}

/** Sign in with an API token (editors and admins get the editing tools). */
export function LoginForm({ api, role, onChange }: Props) {
  const t = useT();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (role) {
    return (
      <div className="login">
        <span className="role-badge">{t(`role.${role}`)}</span>
        <button
          type="button"
          onClick={() => {
            api.token = null;
            storeToken(null);
            onChange(null);
          }}
        >
          {t('auth.logout')}
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <button type="button" className="login" onClick={() => setOpen(true)}>
        {t('auth.login')}
      </button>
    );
  }
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const previous = api.token;
    api.token = token.trim();
    try {
      const r = await detectRole(api);
      storeToken(api.token);
      setOpen(false);
      setToken('');
      onChange(r);
    } catch (err) {
      api.token = previous;
      setError(err instanceof ApiError && err.status === 401 ? t('auth.badToken') : t('error.generic', { message: String((err as Error).message) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="login login-form" onSubmit={submit}>
      <label htmlFor={`${id}-token`}>{t('auth.token')}</label>
      <input id={`${id}-token`} type="password" autoComplete="off" value={token} onChange={(e) => setToken(e.target.value)} required />
      <button type="submit" disabled={busy || !token.trim()}>{t('auth.signIn')}</button>
      <button type="button" onClick={() => setOpen(false)}>{t('action.cancel')}</button>
      {error && <p role="alert" className="error">{error}</p>}
    </form>
  );
}
