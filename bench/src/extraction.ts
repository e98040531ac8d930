// Extraction measured against the curated seed (issue 16.2): the extractor runs
// blind (it is not given the seed graph) on each of the five seed documents and
// its candidates are aligned to the hand-curated nodes and relationships that
// cite that document. Prints precision/recall of actors and relationships per
// document and overall; `npx tsx bench/src/extraction.ts` or as a bench section.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DOCUMENTS, seedDataset, sourcePath } from '@atlas/seeds';
import { evaluate, extract, type Evaluation, type GoldNode, type GoldRelationship } from '@atlas/graph/extraction/index.ts';
import type { BenchRow, SectionResult } from './lib/report.ts';

export interface DocumentFigures {
  document: string;
  ms: number;
  evaluation: Evaluation;
}

const ITEM_LABELS = new Set(['Actor', 'Project', 'Event']);

export function measureSeedExtraction(): { documents: DocumentFigures[]; total: Evaluation['actors'] extends infer _ ? { actors: { precision: number; recall: number; correct: number; candidates: number; found: number; gold: number }; relationships: { precision: number; recall: number; correct: number; candidates: number; found: number; gold: number }; cueRelationships: { precision: number; recall: number; correct: number; candidates: number; found: number; gold: number } } : never } {
  const seed = seedDataset();
  const documents: DocumentFigures[] = [];
  for (const doc of DOCUMENTS) {
    const text = readFileSync(sourcePath(doc)!, 'utf8');
    const cites = (p: Array<{ source: string }>) => p.some((c) => c.source === doc);
    const goldNodes: GoldNode[] = seed.nodes
      .filter((n) => ITEM_LABELS.has(n.label) && cites(n.provenance))
      .map((n) => ({ id: n.id, label: n.label, name: n.name, aliases: n.aliases ?? [] }));
    const goldRels: GoldRelationship[] = seed.relationships.filter((r) => cites(r.provenance)).map((r) => ({ type: r.type, from: r.from, to: r.to }));
    const t0 = performance.now();
    const extraction = extract(text);
    const ms = performance.now() - t0;
    documents.push({ document: doc, ms, evaluation: evaluate(extraction, goldNodes, goldRels) });
  }
  const sum = (pick: (e: Evaluation) => { candidates: number; correct: number; gold: number; found: number }) => {
    const t = documents.reduce((acc, d) => {
      const f = pick(d.evaluation);
      return { candidates: acc.candidates + f.candidates, correct: acc.correct + f.correct, gold: acc.gold + f.gold, found: acc.found + f.found };
    }, { candidates: 0, correct: 0, gold: 0, found: 0 });
    return { ...t, precision: t.candidates ? Number((t.correct / t.candidates).toFixed(3)) : 1, recall: t.gold ? Number((t.found / t.gold).toFixed(3)) : 1 };
  };
  return { documents, total: { actors: sum((e) => e.actors), relationships: sum((e) => e.relationships), cueRelationships: sum((e) => e.cueRelationships) } };
}

/** Realistic Spanish news paragraphs with distinct names (organisations, programmes, networks) up to `size` characters. */
export function newsText(size: number): string {
  const orgs = ['Fundación', 'Asociación', 'Cooperativa', 'Universidad'];
  const words = ['Alba', 'Brisa', 'Cierzo', 'Duna', 'Encina', 'Faro', 'Granito', 'Helecho', 'Iris', 'Jara', 'Kiwi', 'Lince', 'Malva', 'Nácar', 'Olmo', 'Pino'];
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const w = `${words[i % 16]} ${words[(i >> 4) % 16]} ${Math.floor(i / 256)}`;
    const p = `La ${orgs[i % 4]} ${w} y el Ayuntamiento de Soria participan en el programa Barrios ${w}, financiado por la Diputación de Soria. El proyecto se inspira en el Plan ${w}; la Red ${w} organiza talleres sobre innovación social.`;
    parts.push(p);
    length += p.length + 2;
  }
  return parts.join('\n\n');
}

export const extractionSection = {
  name: 'extraction',
  async run(options: { quick: boolean; log: (message: string) => void }): Promise<SectionResult> {
    const { documents, total } = measureSeedExtraction();
    const rows: BenchRow[] = [];
    const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
    for (const d of [...documents.map((x) => ({ name: x.document, ms: x.ms, e: x.evaluation })), { name: 'all five', ms: documents.reduce((a, x) => a + x.ms, 0), e: total }]) {
      const e = d.e as unknown as Pick<Evaluation, 'actors' | 'relationships' | 'cueRelationships'>;
      rows.push({
        task: 'extract + align',
        graph: d.name,
        ours: { wallMs: d.ms, cpuMs: Number.NaN },
        target: 'actors R ≥ 85% at P ≥ 70%; relationships R ≥ 50%',
        met: e.actors.recall >= 0.85 && e.actors.precision >= 0.7 && e.relationships.recall >= 0.5,
        details: {
          actorP: pct(e.actors.precision),
          actorR: pct(e.actors.recall),
          // Strict: each curated actor counted once, so a duplicate candidate is wrong.
          actorStrictP: pct(e.actors.candidates ? e.actors.found / e.actors.candidates : 1),
          actors: `${e.actors.found}/${e.actors.gold} (${e.actors.candidates} cand.)`,
          relP: pct(e.relationships.precision),
          relR: pct(e.relationships.recall),
          rels: `${e.relationships.found}/${e.relationships.gold} (${e.relationships.candidates} cand.)`,
          cueRelP: pct(e.cueRelationships.precision),
          cueRelR: pct(e.cueRelationships.recall),
        },
      });
      options.log(`${d.name}: actors P ${pct(e.actors.precision)} R ${pct(e.actors.recall)}; relationships P ${pct(e.relationships.precision)} R ${pct(e.relationships.recall)} (cue-only P ${pct(e.cueRelationships.precision)} R ${pct(e.cueRelationships.recall)})`);
    }
    // Size: the same kind of text at two sizes in this process; time should grow with the text (ratio ≈ size ratio).
    const small = options.quick ? 100_000 : 250_000;
    const large = small * 4;
    const time = (size: number) => {
      const text = newsText(size);
      const t0 = performance.now();
      const r = extract(text);
      return { ms: performance.now() - t0, nodes: r.nodes.length, relationships: r.relationships.length };
    };
    const base = time(small);
    const big = time(large);
    rows.push({
      task: 'extract (synthetic news paragraphs)',
      graph: `${large / 1000} KB`,
      ours: { wallMs: big.ms, cpuMs: Number.NaN },
      baseline: { name: `same extractor on ${small / 1000} KB`, wallMs: base.ms, cpuMs: Number.NaN },
      ratio: Number((base.ms / big.ms).toFixed(3)),
      target: `linear: time ×${large / small} for text ×${large / small}`,
      met: big.ms / base.ms <= (large / small) * 1.5,
      details: { timeGrowth: Number((big.ms / base.ms).toFixed(2)), nodes: big.nodes, relationships: big.relationships },
    });
    options.log(`extract ${small / 1000} KB: ${base.ms.toFixed(0)} ms; ${large / 1000} KB: ${big.ms.toFixed(0)} ms (×${(big.ms / base.ms).toFixed(2)} for ×${large / small} text)`);
    const notes = documents.flatMap((d) => [
      `${d.document} missed actors: ${d.evaluation.actors.missed.join('; ') || '—'}`,
      `${d.document} actor candidates not in the seed: ${d.evaluation.actors.wrong.join('; ') || '—'}`,
      `${d.document} missed relationships: ${d.evaluation.relationships.missed.join('; ') || '—'}`,
      `${d.document} relationship candidates joining no curated pair: ${d.evaluation.relationships.wrong.join('; ') || '—'}`,
    ]);
    return { section: 'extraction', rows, notes };
  },
};

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await extractionSection.run({ quick: true, log: (m) => console.log(m) });
  for (const n of result.notes) console.log(n);
  // Same place and shape as the bench runner's results (bench/results/<section>.json).
  const out = new URL('../results/extraction.json', import.meta.url);
  writeFileSync(out, JSON.stringify({ ...result, at: new Date().toISOString(), documents: measureSeedExtraction().documents }, null, 2) + '\n');
  console.log(`written ${out.pathname}`);
}
