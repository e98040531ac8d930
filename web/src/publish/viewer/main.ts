// The static one-file atlas viewer: reads the atlas document from the page's
// JSON block (graph/src/publish/atlas-format.ts) and draws it with sigma on
// the server's positions, with search, a legend that filters kinds, level
// filters, a side panel with the provenance quotes and an es/ca/en switch.
// It makes no network request: no fetch, no fonts, no images.
import Graph from 'graphology';
import Sigma from 'sigma';
import type { AtlasDocument, AtlasLanguage } from '@atlas/graph/publish/atlas-format.ts';
import { COMMON_SETTINGS, labelSettings, scaleSettings } from '../../views/network/sigmaSettings.ts';
import { makeTranslator, type Translate } from './messages.ts';
import { searchIndex } from './search.ts';
import './viewer.css';

interface NodeAttrs {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  index: number;
  hidden?: boolean;
  highlighted?: boolean;
}

const LANGS: AtlasLanguage[] = ['es', 'ca', 'en'];
const LANG_NAMES: Record<AtlasLanguage, string> = { es: 'Español', ca: 'Català / Valencià', en: 'English' };
const LEVEL_ORDER = ['local', 'regional', 'national', 'international'];
/** Connections listed in the side panel (the best connected first). */
const LINKS_SHOWN = 40;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> & { dataset?: Record<string, string> } = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { dataset, ...rest } = props;
  Object.assign(node, rest);
  if (dataset) Object.assign(node.dataset, dataset);
  node.append(...children);
  return node;
}

function readDocument(): AtlasDocument | null {
  const block = document.getElementById('atlas-data');
  try {
    const doc = JSON.parse(block?.textContent ?? 'null') as AtlasDocument | string | null;
    return doc && typeof doc === 'object' && doc.format === 'ecosystem-atlas/1' ? doc : null;
  } catch {
    return null;
  }
}

function start(doc: AtlasDocument): void {
  let lang: AtlasLanguage = LANGS.includes(doc.lang) ? doc.lang : 'es';
  let t: Translate = makeTranslator(lang);
  const n = doc.nodes.id.length;
  const degree = new Uint32Array(n);
  // Links of each node: [other end, link index].
  const links: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
  for (let e = 0; e < doc.edges.from.length; e++) {
    const a = doc.edges.from[e];
    const b = doc.edges.to[e];
    degree[a]++;
    degree[b]++;
    links[a].push([b, e]);
    links[b].push([a, e]);
  }

  // Filters: hidden kinds (legend indices) and levels ('' = none).
  const hiddenKinds = new Set<number>();
  const hiddenLevels = new Set<string>();
  const visible = (i: number) => !hiddenKinds.has(doc.nodes.kind[i]) && !hiddenLevels.has(doc.nodes.level[i] ?? '');

  const graph = new Graph<NodeAttrs>({ type: 'undirected', multi: true, allowSelfLoops: false });
  for (let i = 0; i < n; i++) {
    graph.addNode(doc.nodes.id[i], {
      x: doc.nodes.x[i],
      y: doc.nodes.y[i],
      size: Math.min(26, 3 + Math.sqrt(degree[i]) * 1.8),
      color: doc.legend[doc.nodes.kind[i]]?.colour ?? '#9aa3ad',
      label: doc.nodes.name[i],
      index: i,
    });
  }
  for (let e = 0; e < doc.edges.from.length; e++) {
    const w = doc.edges.weight[e];
    graph.addEdge(doc.nodes.id[doc.edges.from[e]], doc.nodes.id[doc.edges.to[e]], { size: w > 1 ? Math.min(6, 0.6 + Math.sqrt(w) * 0.6) : 0.6 });
  }

  let selected: number | null = null;
  let neighbours = new Set<string>();
  const container = $<HTMLDivElement>('atlas-map');
  const renderer = new Sigma(graph, container, {
    ...COMMON_SETTINGS,
    ...labelSettings(0.5, n > 2000),
    // The hubs are named from the first frame (the app's threshold suits its bigger nodes).
    labelRenderedSizeThreshold: n > 2000 ? 9 : 7,
    ...scaleSettings(graph.size),
    nodeReducer: (id, attrs) => {
      const a = attrs as NodeAttrs;
      if (!visible(a.index)) return { ...a, hidden: true };
      if (selected === null) return a;
      if (a.index === selected) return { ...a, highlighted: true, zIndex: 2, forceLabel: true };
      if (neighbours.has(id)) return { ...a, zIndex: 1 };
      return { ...a, color: '#e9edf2', label: '' };
    },
    edgeReducer: (edge, attrs) => {
      if (selected === null) return attrs;
      const [s, tgt] = graph.extremities(edge);
      const id = doc.nodes.id[selected];
      return s === id || tgt === id ? { ...attrs, color: '#52606d', zIndex: 1 } : { ...attrs, color: '#eceff3' };
    },
  });
  (globalThis as unknown as { __atlasSigma: unknown }).__atlasSigma = renderer;
  // The constructor has drawn once already: mark the next (synchronous) frame.
  renderer.once('afterRender', () => {
    performance.mark('atlas:drawn');
    document.body.dataset.drawn = 'true';
  });
  renderer.refresh();

  // ---- side panel -------------------------------------------------------
  const panel = $<HTMLElement>('atlas-panel');
  const select = (i: number | null, focusCamera = false) => {
    selected = i;
    // The selection lives in the address (#id), so a link can point at one actor of a published atlas.
    history.replaceState(null, '', i === null ? location.pathname + location.search : `#${encodeURIComponent(doc.nodes.id[i])}`);
    neighbours = new Set(i === null ? [] : graph.neighbors(doc.nodes.id[i]));
    renderPanel();
    renderer.refresh({ skipIndexation: true });
    if (i !== null && focusCamera) {
      const display = renderer.getNodeDisplayData(doc.nodes.id[i]);
      if (display) void renderer.getCamera().animate({ x: display.x, y: display.y, ratio: 0.5 }, { duration: 400 });
    }
  };
  const renderPanel = () => {
    panel.replaceChildren();
    panel.hidden = selected === null;
    if (selected === null) return;
    const i = selected;
    const kind = doc.legend[doc.nodes.kind[i]]?.kind ?? '';
    const facts = [t(`label.${doc.nodes.label[i]}`), kind ? t(`kind.${kind}`) : null, doc.nodes.level[i] ? t(`level.${doc.nodes.level[i]}`) : null].filter(Boolean).join(' · ');
    const close = el('button', { type: 'button', className: 'atlas-close', textContent: '×', title: t('atlas.close'), ariaLabel: t('atlas.close') });
    close.addEventListener('click', () => select(null));
    panel.append(close, el('h2', { id: 'atlas-panel-title', textContent: doc.nodes.name[i] }), el('p', { className: 'atlas-facts', textContent: facts }));
    if (doc.nodes.place[i]) panel.append(el('p', { className: 'atlas-place', textContent: `${t('atlas.place')}: ${doc.nodes.place[i]}` }));
    if (doc.nodes.description[i]) panel.append(el('p', { className: 'atlas-description', textContent: doc.nodes.description[i]! }));
    panel.append(el('h3', { textContent: t('atlas.sources') }));
    const provenance = doc.nodes.provenance[i];
    if (!provenance.length) panel.append(el('p', { className: 'atlas-muted', textContent: t('atlas.noSources') }));
    const list = el('ul', { className: 'atlas-provenance' });
    for (const p of provenance) {
      const item = el('li');
      const source = doc.sources[p.s] ?? '';
      const name = p.url ? el('a', { href: p.url, textContent: source, target: '_blank', rel: 'noopener noreferrer' }) : el('span', { className: 'atlas-source', textContent: source });
      item.append(name, el('span', { className: 'atlas-muted', textContent: ` · ${t('atlas.confidence', { value: Math.round(p.confidence * 100) / 100 })}` }));
      if (p.quote) item.append(el('blockquote', { className: 'atlas-quote', textContent: p.quote }));
      list.append(item);
    }
    panel.append(list);
    panel.append(el('h3', { textContent: t('atlas.connections', { count: degree[i] }) }));
    // The best connected first; a click moves the selection there.
    const shown = [...links[i]].sort((a, b) => degree[b[0]] - degree[a[0]] || a[0] - b[0]).slice(0, LINKS_SHOWN);
    const neighbourList = el('ul', { className: 'atlas-links' });
    for (const [j, e] of shown) {
      const type = doc.edges.type[e];
      const how = type === 'COLLABORATES' ? t('atlas.shared', { count: doc.edges.weight[e] }) : doc.edges.from[e] === i ? t(`type.${type}`) : `← ${t(`type.${type}`)}`;
      const go = el('button', { type: 'button', textContent: doc.nodes.name[j] });
      go.addEventListener('click', () => select(j, true));
      neighbourList.append(el('li', {}, go, el('span', { className: 'atlas-muted', textContent: ` · ${how}` })));
    }
    panel.append(neighbourList);
    if (links[i].length > LINKS_SHOWN) panel.append(el('p', { className: 'atlas-muted', textContent: t('atlas.moreLinks', { count: links[i].length - LINKS_SHOWN }) }));
  };
  renderer.on('clickNode', ({ node }) => select(graph.getNodeAttribute(node, 'index')));
  renderer.on('clickStage', () => select(null));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && selected !== null) select(null);
  });

  // ---- search -----------------------------------------------------------
  const find = searchIndex(doc.nodes.name);
  const input = $<HTMLInputElement>('atlas-search');
  const results = $<HTMLUListElement>('atlas-results');
  const showResults = () => {
    const hits = find(input.value, 12);
    results.replaceChildren();
    results.hidden = !input.value.trim();
    if (!hits.length && input.value.trim()) results.append(el('li', { className: 'atlas-muted', textContent: t('atlas.noResults') }));
    for (const i of hits) {
      const button = el('button', { type: 'button', textContent: doc.nodes.name[i], dataset: { id: doc.nodes.id[i] } });
      button.addEventListener('click', () => {
        // A search hit in a hidden kind or level is shown again.
        hiddenKinds.delete(doc.nodes.kind[i]);
        hiddenLevels.delete(doc.nodes.level[i] ?? '');
        renderFilters();
        results.hidden = true;
        select(i, true);
      });
      results.append(el('li', {}, button));
    }
  };
  input.addEventListener('input', showResults);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') (results.querySelector('button') as HTMLButtonElement | null)?.click();
  });

  // ---- legend and filters -----------------------------------------------
  const legend = $<HTMLElement>('atlas-legend');
  const levels = $<HTMLElement>('atlas-levels');
  const levelCounts = new Map<string, number>();
  for (let i = 0; i < n; i++) levelCounts.set(doc.nodes.level[i] ?? '', (levelCounts.get(doc.nodes.level[i] ?? '') ?? 0) + 1);
  const levelValues = [...levelCounts.keys()].sort((a, b) => (a === '' ? 9 : LEVEL_ORDER.indexOf(a)) - (b === '' ? 9 : LEVEL_ORDER.indexOf(b)));
  const checkbox = (checked: boolean, onChange: (on: boolean) => void, ...label: Array<Node | string>) => {
    const box = el('input', { type: 'checkbox', checked });
    box.addEventListener('change', () => onChange(box.checked));
    return el('label', { className: 'atlas-check' }, box, ...label);
  };
  const afterFilter = () => {
    if (selected !== null && !visible(selected)) select(null);
    renderer.refresh();
    renderStatus();
  };
  const renderFilters = () => {
    legend.replaceChildren(el('h2', { textContent: t('atlas.legend') }));
    doc.legend.forEach((entry, k) => {
      const swatch = el('span', { className: 'atlas-swatch' });
      swatch.style.background = entry.colour;
      legend.append(
        checkbox(!hiddenKinds.has(k), (on) => (on ? hiddenKinds.delete(k) : hiddenKinds.add(k), afterFilter()), swatch, `${entry.kind ? t(`kind.${entry.kind}`) : t('legend.none')} (${entry.count.toLocaleString(lang)})`),
      );
    });
    levels.replaceChildren(el('h2', { textContent: t('atlas.levels') }));
    for (const level of levelValues) {
      levels.append(checkbox(!hiddenLevels.has(level), (on) => (on ? hiddenLevels.delete(level) : hiddenLevels.add(level), afterFilter()), `${level ? t(`level.${level}`) : t('atlas.noLevel')} (${levelCounts.get(level)!.toLocaleString(lang)})`));
    }
  };

  // ---- texts that change with the language ------------------------------
  const status = $<HTMLElement>('atlas-status');
  const renderStatus = () => {
    let shown = 0;
    for (let i = 0; i < n; i++) if (visible(i)) shown++;
    status.textContent = shown === n ? t('atlas.counts', { nodes: n.toLocaleString(lang), edges: doc.edges.from.length.toLocaleString(lang) }) : t('atlas.shown', { shown: shown.toLocaleString(lang), total: n.toLocaleString(lang) });
  };
  const languages = $<HTMLSelectElement>('atlas-lang');
  languages.replaceChildren(...LANGS.map((l) => el('option', { value: l, textContent: LANG_NAMES[l], selected: l === lang })));
  languages.addEventListener('change', () => {
    lang = languages.value as AtlasLanguage;
    t = makeTranslator(lang);
    renderTexts();
  });
  const renderTexts = () => {
    document.documentElement.lang = lang;
    $('atlas-title').textContent = doc.title;
    $('atlas-search-label').textContent = t('atlas.search');
    input.placeholder = t('atlas.searchPlaceholder');
    $('atlas-lang-label').textContent = t('atlas.language');
    const generated = new Date(doc.generatedAt);
    const date = Number.isNaN(generated.getTime()) ? doc.generatedAt : generated.toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' });
    $('atlas-about').replaceChildren(
      el('span', { textContent: t('atlas.source', { source: doc.source }) }),
      ' · ',
      el('span', { textContent: t('atlas.generated', { date }) }),
      doc.converged ? '' : ` · ${t('atlas.notConverged')}`,
      el('br'),
      el('span', { className: 'atlas-attribution', textContent: doc.attribution }),
    );
    renderFilters();
    renderStatus();
    renderPanel();
    if (input.value) showResults();
  };
  renderTexts();
  const linked = doc.nodes.id.indexOf(decodeURIComponent(location.hash.slice(1)));
  if (linked >= 0) select(linked, true);
}

const doc = readDocument();
if (doc) start(doc);
else $('atlas-map').append(el('p', { className: 'atlas-empty', textContent: makeTranslator('en')('atlas.noData') }));
