import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileReviewQueue, type ReviewItem } from '@atlas/graph/review/index.ts';

// The embedded queue survives a restart (atomic rewrite of review.json) and filters by status, source and origin.

const item = (id: string, over: Partial<ReviewItem> = {}): ReviewItem => ({
  id, batch: 'batch-1', origin: 'suggestion', status: 'pending', source: { title: 'Acta del pleno', url: 'https://example.org/acta' },
  node: { label: 'Actor', kind: 'ngo', name: `Entidad ${id}`, aliases: [] }, quote: 'q', offsets: [{ start: 0, end: 1 }], confidence: 0.7, rule: 'test',
  createdAt: `2025-01-01T00:00:0${id.slice(-1)}Z`, createdBy: 'editor', ...over,
});

describe('FileReviewQueue', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-queue-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('persists, reloads and filters', async () => {
    const file = path.join(dir, 'review.json');
    const q = new FileReviewQueue(file);
    await q.init();
    await q.add([item('sug-1'), item('sug-2', { origin: 'submission', source: { title: 'self-registration' } }), item('sug-3')]);
    const second = (await q.get('sug-3'))!;
    second.status = 'rejected';
    await q.save(second);
    await expect(q.add([item('sug-1')])).rejects.toThrow(/exists/);
    await q.close();

    const reopened = new FileReviewQueue(file);
    await reopened.init();
    expect((await reopened.list()).map((i) => i.id)).toEqual(['sug-1', 'sug-2', 'sug-3']);
    expect((await reopened.list({ status: ['pending'] })).map((i) => i.id)).toEqual(['sug-1', 'sug-2']);
    expect((await reopened.list({ source: 'ACTA' })).map((i) => i.id)).toEqual(['sug-1', 'sug-3']);
    expect((await reopened.list({ source: 'example.org' })).map((i) => i.id)).toEqual(['sug-1', 'sug-3']);
    expect((await reopened.list({ origin: 'submission' })).map((i) => i.id)).toEqual(['sug-2']);
    expect(JSON.parse(readFileSync(file, 'utf8')).items).toHaveLength(3);
  });
});
