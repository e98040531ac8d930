// Views (tabs) and tool panels of the app. WEB-TOOLS adds its own entries here:
// one import line and one entry line each (this is the only file both web
// engineers edit — re-read it before editing). Order here = order in the UI.
import type { ToolEntry, ViewEntry } from '../state/types.ts';
import { NetworkView } from '../views/network/NetworkView.tsx';
import { TableView } from '../views/table/TableView.tsx';
import { RingsView } from '../views/rings/RingsView.tsx';
import { MapView } from '../views/map/MapView.tsx';
import { FiltersTool } from '../tools/filters/FiltersTool.tsx';
import { EditTool } from '../editing/EditTool.tsx';

export const views: ViewEntry[] = [
  { id: 'network', titleKey: 'view.network', component: NetworkView },
  { id: 'rings', titleKey: 'view.rings', component: RingsView },
  { id: 'map', titleKey: 'view.map', component: MapView },
  { id: 'table', titleKey: 'view.table', component: TableView },
];

export const tools: ToolEntry[] = [
  { id: 'filters', titleKey: 'tool.filters', component: FiltersTool },
  { id: 'edit', titleKey: 'tool.edit', component: EditTool, editorOnly: true, hiddenInEmbed: true },
];

export function findView(id: string): ViewEntry {
  return views.find((v) => v.id === id) ?? views[0];
}
export function findTool(id: string | null): ToolEntry | undefined {
  return id === null ? undefined : tools.find((t) => t.id === id);
}
