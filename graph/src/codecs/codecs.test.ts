import { describe, expect, it } from 'vitest';
import { formatList, parseBoolean, parseList, parseNumber } from './cells.ts';
import { detectDelimiter } from './csv-read.ts';
import { csvCell } from './csv-export.ts';
import { cypherKey, cypherString } from './cypher.ts';
import { detectFormat } from './formats.ts';
import { inferRelationshipType, kumuElementType, normaliseRelationshipType } from './kumu.ts';
import { escapeXml } from './xml-text.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('cells', () => {
  it('lists round-trip, with JSON when an item holds a separator', () => {
    for (const list of [['a', 'b'], ['a;b', 'c'], ['[x]'], [' padded '], []]) expect(parseList(formatList(list))).toEqual(list);
    expect(parseList('a | b|c', /[;|]/)).toEqual(['a', 'b', 'c']);
  });
  it('numbers accept a decimal comma and refuse text', () => {
    expect(parseNumber('40,47')).toBe(40.47);
    expect(parseNumber('-0.5')).toBe(-0.5);
    expect(parseNumber('1e-7')).toBe(1e-7);
    expect(parseNumber('12abc')).toBeUndefined();
    expect(parseBoolean('Sí')).toBe(true);
    expect(parseBoolean('maybe')).toBeUndefined();
  });
  it('CSV cells are quoted only when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });
});

describe('detection', () => {
  it('delimiter from the header line, ignoring quoted separators', () => {
    expect(detectDelimiter('id,label,name')).toBe(',');
    expect(detectDelimiter('id;label;"a,b,c"')).toBe(';');
    expect(detectDelimiter('id\tlabel\tname')).toBe('\t');
  });
  it('format from the name, else from the content', () => {
    expect(detectFormat('x.gexf', bytes(''))).toBe('gexf');
    expect(detectFormat('upload', bytes('\uFEFF  {"nodes":[]}'))).toBe('json');
    expect(detectFormat('upload', bytes('<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3">'))).toBe('gexf');
    expect(detectFormat('graph.xml', bytes('<?xml version="1.0"?><graphml>'))).toBe('graphml');
    expect(detectFormat('upload', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('csv');
    expect(detectFormat('upload', bytes('id,label,name'))).toBe('csv');
  });
});

describe('escaping', () => {
  it('Cypher literals and keys', () => {
    expect(cypherString("x'}) DETACH DELETE n //")).toBe("'x\\'}) DETACH DELETE n //'");
    expect(cypherString('a\\b\n\u0001')).toBe("'a\\\\b\\n\\u0001'");
    expect(cypherKey('plain_key')).toBe('plain_key');
    expect(cypherKey('odd key`x')).toBe('`odd key``x`');
  });
  it('XML text, including characters XML 1.0 forbids', () => {
    expect(escapeXml('<a href="x">&\n</a>\u0001')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#10;&lt;/a&gt;\uFFFD');
  });
});

describe('Kumu vocabulary', () => {
  it('maps element and connection types', () => {
    expect(kumuElementType('Organization')).toEqual({ label: 'Actor' });
    expect(kumuElementType('Research Center')).toEqual({ label: 'Actor', kind: 'research_centre' });
    expect(kumuElementType('Pilot')).toEqual({ label: 'Project', kind: 'pilot' });
    expect(kumuElementType('Wizard')).toEqual({ label: 'Actor', tag: 'Wizard' });
    expect(normaliseRelationshipType('participates in')).toBe('PARTICIPATES_IN');
    expect(normaliseRelationshipType('Collaboration')).toBe('COLLABORATES_WITH');
    expect(normaliseRelationshipType('likes')).toBeUndefined();
    expect(inferRelationshipType('Actor', 'Project')).toBe('PARTICIPATES_IN');
    expect(inferRelationshipType('Topic', 'Actor')).toBeUndefined();
  });
});
