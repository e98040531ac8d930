import { readText } from './encoding.ts';
import type { DecodeSink } from './sink.ts';
import type { PreparedFile } from './source.ts';
import { XmlSyntaxError, children, parseXml, type XmlElement } from './xml-read.ts';

export type FailFn = (path: string, message: string, row?: number) => void;

/**
 * Opens a GEXF or GraphML file: decodes and parses it and finds its
 * `<root><graph>` element (and the root, whose children hold GraphML's keys). On a syntax error or a missing graph element the
 * problem is reported to the sink (with the file and line) and `graph` is null.
 */
export async function openXmlGraph(file: PreparedFile, sink: DecodeSink, root: 'gexf' | 'graphml', kind: string): Promise<{ top: XmlElement | null; graph: XmlElement | null; fail: FailFn }> {
  const fail: FailFn = (path, message, row) => sink.error({ path, message, file: file.name, ...(row && { row }) });
  let doc: XmlElement;
  try {
    doc = parseXml((await readText(file)).text);
  } catch (error) {
    fail('(file)', (error as Error).message, (error as XmlSyntaxError).line);
    return { top: null, graph: null, fail };
  }
  const top = children(doc, root)[0];
  const graph = top && children(top, 'graph')[0];
  if (!graph) fail(root, `no <${root}><graph> element: this is not a ${kind} file`);
  return { top: top ?? null, graph: graph ?? null, fail };
}
