// Views (tabs) and tool panels of the app. WEB-TOOLS adds its own entries here:
// one import line and one entry line each (this is the only file both web
// engineers edit — re-read it before editing). Order here = order in the UI.
import type { ToolEntry, ViewEntry } from '../state/types.ts';
import { NetworkView } from '../views/network/NetworkView.tsx';
import { TableView } from '../views/table/TableView.tsx';
import { RingsView } from '../views/rings/RingsView.tsx';
import { MapView } from '../views/map/MapView.tsx';
import { CollaborationView } from '../views/collaboration/CollaborationView.tsx';
import { FiltersTool } from '../tools/filters/FiltersTool.tsx';
import { EditTool } from '../editing/EditTool.tsx';
import { PathsTool } from '../tools/paths/PathsTool.tsx';
import { PartnersTool } from '../tools/partners/PartnersTool.tsx';
import { SpeakersTool } from '../tools/speakers/SpeakersTool.tsx';
import { CommunitiesTool } from '../tools/communities/CommunitiesTool.tsx';
import { CentralityTool } from '../tools/centrality/CentralityTool.tsx';
import { ImportTool } from '../import/ImportTool.tsx';
import { ExportTool } from '../export/ExportTool.tsx';
import { ShareTool } from '../publish/ShareTool.tsx';
import { DocumentTool } from '../documents/DocumentTool.tsx';
import { ReviewTool } from '../review/ReviewTool.tsx';
import { RegisterLinkTool } from '../register/RegisterLinkTool.tsx';

export const views: ViewEntry[] = [
  { id: 'network', titleKey: 'view.network', component: NetworkView },
  { id: 'collaboration', titleKey: 'view.collaboration', component: CollaborationView },
  { id: 'rings', titleKey: 'view.rings', component: RingsView },
  { id: 'map', titleKey: 'view.map', component: MapView },
  { id: 'table', titleKey: 'view.table', component: TableView },
];

export const tools: ToolEntry[] = [
  { id: 'filters', titleKey: 'tool.filters', component: FiltersTool },
  { id: 'paths', titleKey: 'tool.paths', component: PathsTool },
  { id: 'partners', titleKey: 'tool.partners', component: PartnersTool },
  { id: 'speakers', titleKey: 'tool.speakers', component: SpeakersTool },
  { id: 'communities', titleKey: 'tool.communities', component: CommunitiesTool },
  { id: 'centrality', titleKey: 'tool.centrality', component: CentralityTool },
  { id: 'export', titleKey: 'tool.export', component: ExportTool },
  { id: 'share', titleKey: 'tool.share', component: ShareTool, hiddenInEmbed: true },
  { id: 'edit', titleKey: 'tool.edit', component: EditTool, editorOnly: true, hiddenInEmbed: true },
  { id: 'import', titleKey: 'tool.import', component: ImportTool, editorOnly: true, hiddenInEmbed: true },
  { id: 'documents', titleKey: 'tool.documents', component: DocumentTool, editorOnly: true, hiddenInEmbed: true },
  { id: 'review', titleKey: 'tool.review', component: ReviewTool, editorOnly: true, hiddenInEmbed: true },
  { id: 'register', titleKey: 'tool.register', component: RegisterLinkTool, hiddenInEmbed: true },
];

export function findView(id: string): ViewEntry {
  return views.find((v) => v.id === id) ?? views[0];
}
export function findTool(id: string | null): ToolEntry | undefined {
  return id === null ? undefined : tools.find((t) => t.id === id);
}
