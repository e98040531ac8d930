import { useId } from 'react';
import { useT, LANGUAGE_NAMES } from '../i18n/index.ts';
import { COLOUR_BY, LANGUAGES, SIZE_BY, type Language, type ViewEntry, type ViewState, type ViewStatePatch } from '../state/types.ts';
import type { ApiClient } from '../api/client.ts';
import { SearchBox } from '../tools/search/SearchBox.tsx';
import { LoginForm } from '../auth/LoginForm.tsx';
import type { Role } from '../auth/session.ts';
import { toUrl } from '../state/url.ts';

interface Props {
  state: ViewState;
  update(patch: ViewStatePatch): void;
  api: ApiClient;
  role: Role | null;
  setRole(role: Role | null): void;
  views: ViewEntry[];
}

export function TopBar({ state, update, api, role, setRole, views }: Props) {
  const t = useT();
  const id = useId();
  const openFull = toUrl({ ...state, embed: false });
  return (
    <header className="topbar">
      <h1 className="brand">
        {state.embed ? (
          <a href={openFull} target="_blank" rel="noopener">{t('app.title')}</a>
        ) : (
          t('app.title')
        )}
      </h1>
      <SearchBox api={api} state={state} onPick={(hit) => update({ selection: hit.id, highlight: [] })} />
      <nav className="view-switch" aria-label={t('view.switch')}>
        {views.map((v) => (
          <button key={v.id} type="button" aria-pressed={state.view === v.id} onClick={() => update({ view: v.id })}>
            {t(v.titleKey)}
          </button>
        ))}
      </nav>
      <div className="topbar-options">
        <label htmlFor={`${id}-colour`}>{t('colourBy.title')}</label>
        <select id={`${id}-colour`} value={state.colourBy} onChange={(e) => update({ colourBy: e.target.value as ViewState['colourBy'] })}>
          {COLOUR_BY.map((c) => (
            <option key={c} value={c}>{t(`colourBy.${c}`)}</option>
          ))}
        </select>
        <label htmlFor={`${id}-size`}>{t('sizeBy.title')}</label>
        <select id={`${id}-size`} value={state.sizeBy} onChange={(e) => update({ sizeBy: e.target.value as ViewState['sizeBy'] })}>
          {SIZE_BY.map((s) => (
            <option key={s} value={s}>{t(`sizeBy.${s}`)}</option>
          ))}
        </select>
        <label htmlFor={`${id}-lang`}>{t('lang.label')}</label>
        <select id={`${id}-lang`} value={state.lang} onChange={(e) => update({ lang: e.target.value as Language })} data-testid="language">
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>{LANGUAGE_NAMES[l]}</option>
          ))}
        </select>
        {!state.embed && <LoginForm api={api} role={role} onChange={setRole} />}
      </div>
    </header>
  );
}
