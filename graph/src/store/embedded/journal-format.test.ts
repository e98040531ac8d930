import { describe, expect, it } from 'vitest';
import type { ChangeEntry } from '../port.ts';
import type { JournalFile } from './journal.ts';
import { commitLine, entryLine, parseLineHead, revisionBlock, type JournalChange } from './journal-format.ts';

const node = { id: 'vinaròs', label: 'Place', name: 'Vinaròs "quoted" \\ ñ 😀', kind: 'municipality', tags: [], aliases: [], provenance: [], properties: {} };

describe('journal format', () => {
  it('renders a revision block byte for byte as entry lines plus a commit marker, and reports where each line landed', () => {
    const changes: JournalChange[] = [
      { entity: 'node', op: 'create', id: 'a', before: null, after: node },
      { entity: 'node', op: 'update', id: 'a', before: node, after: { ...node, name: 'x' } },
      { entity: 'relationship', op: 'delete', id: 'r-1', before: { id: 'r-1' }, after: null },
    ];
    for (const via of [undefined, 'import "x.csv"']) {
      const rev = { revision: 7, firstSeq: 12, at: '2024-05-01T10:00:00.000Z', actor: 'ana', via };
      const file: JournalFile = { path: 'j', readFd: -1 };
      const placed: Array<[string, number, number]> = [];
      const text = Buffer.concat([...revisionBlock(rev, changes, (id, f, offset, length) => (expect(f).toBe(file), placed.push([id, offset, length]))).render(file, 100)]);
      const expected =
        changes.map((c, i) => entryLine({ seq: 12 + i, revision: 7, at: rev.at, actor: 'ana', via, ...c } as unknown as ChangeEntry)).join('') +
        commitLine({ commit: 7, lastSeq: 14, count: 3 });
      expect(text.toString('utf8')).toBe(expected);
      for (const [id, offset, length] of placed) {
        const line = JSON.parse(text.subarray(offset - 100, offset - 100 + length).toString('utf8'));
        expect(line.id).toBe(id);
      }
      expect(placed.map((p) => p[0])).toEqual(['a', 'a', 'r-1']);
    }
  });

  it('reads line heads exactly like the documented patterns', () => {
    const ENTRY = /^\{"seq":(\d+),"revision":(\d+),"at":"([^"\\]*)","id":"([^"\\]*)",/;
    const COMMIT = /^\{"commit":(\d+),"lastSeq":(\d+),"count":(\d+)\}$/;
    const oracle = (bytes: Buffer) => {
      const head = bytes.toString('latin1', 0, Math.min(bytes.length, 400));
      const c = COMMIT.exec(head);
      if (c) return { kind: 'commit', marker: { commit: +c[1], lastSeq: +c[2], count: +c[3] } };
      const e = ENTRY.exec(head);
      if (e && bytes[bytes.length - 1] === 0x7d) return { kind: 'entry', seq: +e[1], revision: +e[2], at: e[3], id: e[4] };
      return { kind: 'invalid' };
    };
    const good = entryLine({ seq: 3, revision: 2, at: "2024-05-01T10:00:00.000Z", actor: "a", op: "create", entity: "node", id: "x-1", before: null, after: node } as unknown as ChangeEntry).trimEnd();
    const lines = [
      good,
      good.slice(0, -1),
      good.replace('"seq":3', '"seq":'),
      good.replace('"seq":3', '"seq":x'),
      good.replace('"id":"x-1"', '"id":""'),
      good.replace('"id":"x-1"', '"id":"a\\"b"'),
      good.replace('"id":"x-1"', `"id":"${'i'.repeat(390)}"`),
      good.replace('"at":"2024', '"at":"\\u2024'),
      good.replace(',"revision":2', ',"revision" :2'),
      '{"commit":4,"lastSeq":9,"count":2}',
      '{"commit":4,"lastSeq":9,"count":2} ',
      '{"commit":4,"lastSeq":9}',
      '',
      '{}',
      'garbage',
    ];
    for (const line of lines) expect(parseLineHead(Buffer.from(line)), line.slice(0, 80)).toEqual(oracle(Buffer.from(line)));
  });
});
