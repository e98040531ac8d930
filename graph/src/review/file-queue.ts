import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { matchesFilter, type ReviewFilter, type ReviewItem, type ReviewQueue } from './model.ts';

// The queue for the embedded store: one JSON file (review.json in DATA_DIR),
// rewritten atomically (temp file, fsync, rename, fsync of the directory) after
// every change, writes serialised in this process.

export class FileReviewQueue implements ReviewQueue {
  private items = new Map<string, ReviewItem>();
  private writing: Promise<unknown> = Promise.resolve();
  private loaded = false;

  constructor(readonly file: string) {}

  async init(): Promise<void> {
    if (this.loaded) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    try {
      const data = JSON.parse(await readFile(this.file, 'utf8')) as { version: 1; items: ReviewItem[] };
      for (const item of data.items) this.items.set(item.id, item);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    this.loaded = true;
  }

  async close(): Promise<void> {
    await this.writing;
  }

  async add(items: ReviewItem[]): Promise<void> {
    await this.init();
    for (const item of items) if (this.items.has(item.id)) throw new Error(`review item ${item.id} exists`);
    for (const item of items) this.items.set(item.id, structuredClone(item));
    await this.persist();
  }

  async get(id: string): Promise<ReviewItem | undefined> {
    await this.init();
    const item = this.items.get(id);
    return item && structuredClone(item);
  }

  async list(filter: ReviewFilter = {}): Promise<ReviewItem[]> {
    await this.init();
    const out = [...this.items.values()].filter((i) => matchesFilter(i, filter)).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return structuredClone(out.slice(0, filter.limit ?? 1000));
  }

  async save(item: ReviewItem): Promise<void> {
    await this.init();
    this.items.set(item.id, structuredClone(item));
    await this.persist();
  }

  private persist(): Promise<void> {
    const content = JSON.stringify({ version: 1, items: [...this.items.values()] });
    const next = this.writing.then(() => writeAtomic(this.file, content));
    this.writing = next.catch(() => undefined);
    return next;
  }
}

async function writeAtomic(file: string, content: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  const dir = await open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}
