// The app shell: state from the URL, data from the API, the view switcher, the
// tool drawer, the side panel and the language switch. /embed?... renders the
// same state read-only (no tools that write, no sign-in).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiClient } from './api/client.ts';
import { LanguageContext, makeT } from './i18n/index.ts';
import { useViewState } from './state/useViewState.ts';
import type { ViewExporter, ViewProps, ToolProps } from './state/types.ts';
import { findTool, findView, tools, views } from './app/registry.ts';
import { useAllData, useMetrics, useViewData } from './app/useGraphData.ts';
import { TopBar } from './app/TopBar.tsx';
import { StatusBar } from './app/StatusBar.tsx';
import { ToolDrawer } from './app/ToolDrawer.tsx';
import { SidePanel } from './panel/SidePanel.tsx';
import { detectRole, storedToken, storeToken, type Role } from './auth/session.ts';
import { prefetchServerLayout } from './graph-data/serverLayout.ts';
import { networkLayoutQuery } from './views/network/NetworkView.tsx';

export function App() {
  const [state, update] = useViewState();
  const api = useMemo(() => new ApiClient({ token: state.embed ? null : storedToken() }), [state.embed]);
  const [role, setRole] = useState<Role | null>(null);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const exporter = useRef<ViewExporter | null>(null);
  const t = useMemo(() => makeT(state.lang), [state.lang]);

  // A token kept from earlier in this tab session is checked again.
  useEffect(() => {
    if (!api.token) return;
    detectRole(api)
      .then(setRole)
      .catch(() => {
        api.token = null;
        storeToken(null);
      });
  }, [api]);

  // The network view's server layout is asked for while the data loads, so its first map is already laid out.
  useEffect(() => {
    if (state.view === 'network') prefetchServerLayout(api, 'network', networkLayoutQuery(state));
    // Only at load: later changes are fetched by the view itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api]);

  const [all, status] = useAllData(api, version);
  const metrics = useMetrics(api, state, version);
  const data = useViewData(all, state, metrics);
  const select = useCallback((id: string | null) => update({ selection: id }), [update]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const view = findView(state.view);
  const View = view.component;
  const editor = role === 'editor' || role === 'admin';
  const visibleTools = tools.filter((tool) => (!tool.editorOnly || editor) && !(state.embed && tool.hiddenInEmbed));
  const activeTool = findTool(state.tool);
  const tool = activeTool && visibleTools.includes(activeTool) ? activeTool : undefined;

  const viewProps: ViewProps = { data, state, update, select, metrics, api, exporter };
  const toolProps: ToolProps = { ...viewProps, role: state.embed ? null : role, refresh };
  const selected = state.selection ? (all?.nodes.find((n) => n.id === state.selection) ?? null) : null;

  return (
    <LanguageContext.Provider value={state.lang}>
      <div className={`app${state.embed ? ' embed' : ''}`}>
        <a className="skip-link" href="#view-main">{t('app.skip')}</a>
        <TopBar state={state} update={update} api={api} role={role} setRole={setRole} views={views} />
        <div className="workspace">
          {visibleTools.length > 0 && (
            <ToolDrawer tools={visibleTools} active={tool} update={update}>
              {tool && <tool.component {...toolProps} />}
            </ToolDrawer>
          )}
          <main id="view-main" className="view-area" aria-label={t(view.titleKey)} tabIndex={-1}>
            {status.error ? (
              <div role="alert" className="error view-message">
                <p>{t('load.error', { message: status.error })}</p>
                <button type="button" onClick={refresh}>{t('action.retry')}</button>
              </div>
            ) : !all ? (
              <p className="view-message" role="status">{t('load.progress')}</p>
            ) : (
              <View key={view.id} {...viewProps} />
            )}
          </main>
          {state.selection && (
            <SidePanel
              id={state.selection}
              node={selected}
              all={all}
              state={state}
              update={update}
              select={select}
              api={api}
              editor={editor && !state.embed}
              refresh={refresh}
            />
          )}
        </div>
        <StatusBar state={state} data={data} all={all} update={update} />
      </div>
    </LanguageContext.Provider>
  );
}
