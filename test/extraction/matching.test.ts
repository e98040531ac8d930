import { describe, expect, it } from 'vitest';
import { bestMatch, extract, htmlToText, nameSimilarity, toPlainText } from '@atlas/graph/extraction/index.ts';

// Linking candidates to the nodes already on the map (issue 16.1), and
// inputs that must neither crash the extractor nor make it slow.

const KNOWN = [
  { id: 'madrid-city-council', label: 'Actor', name: 'Madrid City Council', aliases: ['Ayuntamiento de Madrid', 'Ajuntament de Madrid', 'City Council of Madrid'] },
  { id: 'barcelona-city-council', label: 'Actor', name: 'Ajuntament de Barcelona', aliases: ['Barcelona City Council'] },
  { id: 'uv', label: 'Actor', name: 'Universitat de València', aliases: [] },
  { id: 'las-naves', label: 'Actor', name: 'Las Naves', aliases: ['Centre d’innovació social i urbana Las Naves'] },
  { id: 'madrid-govtech', label: 'Project', name: 'Madrid Govtech Programme', aliases: ['Programa Govtech de Madrid'] },
];

describe('matching a candidate to known nodes', () => {
  it('links a known council under its name, aliases, abbreviations, case and accents', () => {
    for (const form of ['Ayuntamiento de Madrid', 'AYUNTAMIENTO DE MADRID', 'ayuntamiento  de madrid', 'Ayto. de Madrid', 'Ayto de Madrid', 'Madrid City Council', 'City Council of Madrid', 'Ajuntament de Madrid']) {
      expect(bestMatch({ name: form }, KNOWN)?.id, form).toBe('madrid-city-council');
    }
    expect(bestMatch({ name: 'Ajunt. de Barcelona' }, KNOWN)?.id).toBe('barcelona-city-council');
    expect(bestMatch({ name: 'Univ. de Valencia' }, KNOWN)?.id).toBe('uv');
    expect(bestMatch({ name: 'Universidad de Valencia' }, KNOWN)?.id).toBe('uv');
    expect(bestMatch({ name: 'ayuntamiento de madrid' }, KNOWN)?.how).toBe('exact');
    // Without the alias, the English and the Spanish name of a council are still the same words.
    expect(nameSimilarity('Madrid City Council', 'Ayuntamiento de Madrid')).toBeGreaterThanOrEqual(0.9);
  });

  it('does not link a different organisation of the same kind and place, or of a similar place', () => {
    expect(bestMatch({ name: 'Universitat Politècnica de València' }, KNOWN)).toBeUndefined();
    expect(bestMatch({ name: 'Ayuntamiento de Madridejos' }, KNOWN)).toBeUndefined();
    expect(bestMatch({ name: 'Diputación de Madrid' }, KNOWN)).toBeUndefined();
    expect(bestMatch({ name: 'Comunidad de Madrid' }, KNOWN)).toBeUndefined();
    expect(bestMatch({ name: 'Barcelona City Council' }, KNOWN)?.id).not.toBe('madrid-city-council');
    // Labels: a programme is not an actor even with the same words.
    expect(bestMatch({ name: 'Programa Govtech de Madrid' }, KNOWN, { labels: ['Actor'] })).toBeUndefined();
    expect(bestMatch({ name: 'Programa Govtech de Madrid' }, KNOWN, { labels: ['Project'] })?.id).toBe('madrid-govtech');
  });

  it('keeps a part of a longer name above a lower threshold only', () => {
    expect(bestMatch({ name: 'Centre d’innovació social i urbana Las Naves' }, KNOWN)?.id).toBe('las-naves');
    expect(bestMatch({ name: 'Las Naves Centre' }, KNOWN, { threshold: 0.95 })).toBeUndefined();
    expect(bestMatch({ name: 'Las Naves Centre' }, KNOWN, { threshold: 0.6 })?.id).toBe('las-naves');
  });

  it('answers nothing, without throwing, for empty, punctuation-only and query-looking names', () => {
    for (const name of ['', '   ', '—', "MATCH (n) DETACH DELETE n", "'; DROP TABLE actors; --", '{"$ne": null}', '\u0000']) {
      expect(() => bestMatch({ name }, KNOWN)).not.toThrow();
      expect(bestMatch({ name }, KNOWN)).toBeUndefined();
    }
    expect(nameSimilarity('', '')).toBe(0);
  });

  it('links the candidates the extractor finds to the known nodes', () => {
    const r = extract('El Ayto. de Madrid y la Universitat de València impulsan el Programa Govtech de Madrid.');
    const linked = r.nodes.filter((n) => n.label !== 'Place').map((n) => [n.name, bestMatch(n, KNOWN, { labels: [n.label] })?.id]);
    expect(linked).toEqual(expect.arrayContaining([['Universitat de València', 'uv'], ['Programa Govtech de Madrid', 'madrid-govtech']]));
  });
});

describe('hostile and unusual input', () => {
  it('returns nothing for empty or blank text', () => {
    for (const text of ['', ' ', '\n\n\n', '...', '•']) {
      const r = extract(text);
      expect(r.nodes).toEqual([]);
      expect(r.relationships).toEqual([]);
    }
  });

  it('treats Cypher and SQL in the text as text', () => {
    const text = `MATCH (n:Actor) DETACH DELETE n RETURN n; CREATE (:Actor {name: "Ayuntamiento de Soria"})-[:FUNDS]->(:Project {name: 'x'}) // El Ayuntamiento de Soria financia el Programa Soria Abierta.`;
    const r = extract(text);
    const names = r.nodes.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['Ayuntamiento de Soria', 'Programa Soria Abierta']));
    for (const n of r.nodes) for (const m of n.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('drops scripts and styles from HTML, and offsets point into the plain text', () => {
    const html = `<html><head><style>.x{content:"Fundación Falsa"}</style><script>var s = "<p>Ayuntamiento de Trampa</p>"; alert('Universidad Oculta');</script></head>
      <body><h1>Noticias</h1><p>La <b>Fundación Ibercaja</b> financia el <a href="/x">Programa Barrios Vivos</a> &amp; más.</p>
      <script type="module">document.write('Asociación Inventada')</script><p onclick="alert(1)">Fin.</p></body></html>`;
    const text = toPlainText(html, 'html');
    expect(text).not.toMatch(/Trampa|Oculta|Falsa|Inventada|alert/);
    const r = extract(text);
    expect(r.nodes.map((n) => n.name)).toEqual(expect.arrayContaining(['Fundación Ibercaja', 'Programa Barrios Vivos']));
    expect(r.nodes.some((n) => /Trampa|Oculta|Falsa|Inventada/.test(n.name))).toBe(false);
    for (const n of r.nodes) for (const m of n.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(htmlToText('<script>unterminated')).not.toMatch(/Ayuntamiento/);
  });

  it('survives pathological strings: one huge word, no spaces, repeated heads, unbalanced quotes', () => {
    const inputs = [
      'A'.repeat(200_000),
      'Fundación '.repeat(20_000),
      'de la de la de la '.repeat(10_000) + 'Universidad',
      '"'.repeat(50_000) + 'Programa "X',
      ('Ayuntamiento de Madrid, ').repeat(5_000),
      '\u200b\u00a0\uFEFF'.repeat(10_000) + 'Ajuntament de Girona',
    ];
    for (const text of inputs) {
      const r = extract(text);
      for (const n of r.nodes) for (const m of n.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    const repeated = extract(('Ayuntamiento de Madrid, ').repeat(5_000));
    expect(repeated.nodes.filter((n) => n.label === 'Actor')).toHaveLength(1);
    expect(repeated.nodes.find((n) => n.label === 'Actor')!.mentions).toHaveLength(5_000);
  });

  it('finishes a 1 MB document of realistic news paragraphs with thousands of names', () => {
    const orgs = ['Fundación', 'Asociación', 'Cooperativa', 'Universidad'];
    const words = ['Alba', 'Brisa', 'Cierzo', 'Duna', 'Encina', 'Faro', 'Granito', 'Helecho', 'Iris', 'Jara', 'Kiwi', 'Lince', 'Malva', 'Nácar', 'Olmo', 'Pino'];
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const w = `${words[i % 16]} ${words[(i >> 4) % 16]} ${Math.floor(i / 256)}`;
      const p = `La ${orgs[i % 4]} ${w} y el Ayuntamiento de Soria participan en el programa Barrios ${w}, financiado por la Diputación de Soria. El proyecto se inspira en el Plan ${w}; la Red ${w} organiza talleres de diseño participativo.`;
      parts.push(p);
      size += p.length + 2;
    }
    const text = parts.join('\n\n');
    expect(text.length).toBeGreaterThanOrEqual(1_000_000);
    const r = extract(text);
    expect(r.nodes.length).toBeGreaterThan(1_000);
    expect(r.relationships.some((x) => x.type === 'FUNDS')).toBe(true);
    const last = r.nodes[r.nodes.length - 1];
    expect(text.slice(last.mentions[0].start, last.mentions[0].end)).toBe(last.mentions[0].text);
  }, 180_000);
});
