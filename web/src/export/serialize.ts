// The current selection (what the view shows, or only the highlighted nodes)
// in the export formats of the API, written in the browser with the API's own
// line writers (graph/src/codecs) so a file exported here imports back
// exactly like one from GET /api/export.
import { GEXF_BETWEEN, GEXF_FOOTER, gexfEdge, gexfHeader, gexfNode } from '@atlas/graph/codecs/gexf.ts';
import { GRAPHML_FOOTER, graphmlEdge, graphmlHeader, graphmlNode } from '@atlas/graph/codecs/graphml.ts';
import { CONNECTIONS_HEADER, ELEMENTS_HEADER, connectionLine, elementLine } from '@atlas/graph/codecs/csv-export.ts';
import type { GraphData } from '../state/types.ts';

export const SELECTION_FORMATS = ['gexf', 'graphml', 'csv', 'json'] as const;
export type SelectionFormat = (typeof SELECTION_FORMATS)[number];

export interface ExportFile {
  name: string;
  type: string;
  text: string;
}

/** Keeps the given nodes and the relationships between them. */
export function restrict(data: GraphData, ids: ReadonlySet<string>): GraphData {
  return {
    nodes: data.nodes.filter((n) => ids.has(n.id)),
    relationships: data.relationships.filter((r) => ids.has(r.from) && ids.has(r.to)),
  };
}

/** One file per format, except CSV: elements.csv and connections.csv (the import takes both). */
export function serialize(data: GraphData, format: SelectionFormat, stem = 'atlas-selection'): ExportFile[] {
  switch (format) {
    case 'gexf':
      return [{ name: `${stem}.gexf`, type: 'application/gexf+xml', text: gexfHeader(new Date().toISOString()) + data.nodes.map(gexfNode).join('') + GEXF_BETWEEN + data.relationships.map(gexfEdge).join('') + GEXF_FOOTER }];
    case 'graphml':
      return [{ name: `${stem}.graphml`, type: 'application/graphml+xml', text: graphmlHeader() + data.nodes.map(graphmlNode).join('') + data.relationships.map(graphmlEdge).join('') + GRAPHML_FOOTER }];
    case 'csv':
      return [
        { name: 'elements.csv', type: 'text/csv', text: ELEMENTS_HEADER + data.nodes.map(elementLine).join('') },
        { name: 'connections.csv', type: 'text/csv', text: CONNECTIONS_HEADER + data.relationships.map(connectionLine).join('') },
      ];
    case 'json':
      return [{ name: `${stem}.json`, type: 'application/json', text: `${JSON.stringify({ nodes: data.nodes, relationships: data.relationships }, null, 1)}\n` }];
  }
}

export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
