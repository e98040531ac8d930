import { XMLParser, XMLValidator } from 'fast-xml-parser';

// Shared fast-xml-parser set-up for GEXF and GraphML: attributes kept as
// strings, repeated elements always arrays, no value coercion.

const ARRAYS = new Set(['node', 'edge', 'attvalue', 'attribute', 'attributes', 'key', 'data', 'graph', 'spell']);

export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** Parses after a well-formedness check (the parser alone forgives unclosed tags). */
export function parseXml(text: string): Record<string, unknown> {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlSyntaxError(`not well-formed XML at line ${valid.err.line}: ${valid.err.msg}`, valid.err.line);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    textNodeName: '#text',
    isArray: (name) => ARRAYS.has(name),
    processEntities: true,
    htmlEntities: true, // also decodes numeric references (&#10; in attribute values)
  });
  return parser.parse(text) as Record<string, unknown>;
}

export type XmlElement = Record<string, unknown>;

export function children(element: unknown, name: string): XmlElement[] {
  if (!element || typeof element !== 'object') return [];
  const value = (element as XmlElement)[name];
  return Array.isArray(value) ? (value as XmlElement[]) : value && typeof value === 'object' ? [value as XmlElement] : [];
}

export function attr(element: XmlElement, name: string): string | undefined {
  const value = element[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

export function text(element: unknown): string {
  if (element === undefined || element === null) return '';
  if (typeof element !== 'object') return String(element);
  const t = (element as XmlElement)['#text'];
  return t === undefined ? '' : String(t);
}
