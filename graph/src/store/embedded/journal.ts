import { closeSync, fsyncSync, openSync, readSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

// The append-only journal file with group commit: writers queue their lines
// and wait; one flusher writes everything queued, fsyncs once, then resolves
// all the waiters. Offsets of queued lines are known at queue time because
// appends happen strictly in queue order.

export interface JournalFile {
  path: string;
  /** Read descriptor; survives renames (rotation). */
  readFd: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

export class Journal {
  private handle!: FileHandle;
  private queued: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private failed: Error | null = null;
  /** Logical size, including queued but unwritten bytes. */
  private size = 0;
  current!: JournalFile;

  private constructor(private readonly path: string) {}

  /** `file`: the object the change log already refers to for this path (after recovery). */
  static async open(path: string, file?: JournalFile): Promise<Journal> {
    const journal = new Journal(path);
    await journal.openFile(file);
    return journal;
  }

  private async openFile(file: JournalFile = { path: this.path, readFd: -1 }): Promise<void> {
    this.handle = await open(this.path, 'a');
    this.size = (await this.handle.stat()).size;
    file.readFd = openSync(this.path, 'r');
    this.current = file;
    await syncDirectory(dirname(this.path));
  }

  /** Queues text (whole lines ending in "\n"); returns the byte offset where it will start. */
  append(text: string): number {
    if (this.failed) throw this.failed;
    const offset = this.size;
    this.size += Buffer.byteLength(text);
    this.queued.push(text);
    return offset;
  }

  /** Resolves once everything queued so far is on disk (fsync'd). */
  flush(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (!this.queued.length && !this.waiters.length && !this.flushing) return Promise.resolve();
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.flushing) this.flushing = this.flushLoop();
    return done;
  }

  private async flushLoop(): Promise<void> {
    try {
      while (this.waiters.length) {
        const texts = this.queued;
        const waiters = this.waiters;
        this.queued = [];
        this.waiters = [];
        try {
          await this.writeAll(texts);
          await this.handle.datasync();
          for (const w of waiters) w.resolve();
        } catch (error) {
          // Memory already holds these writes but disk may not: stop accepting writes.
          this.failed = new Error(`journal write failed, the store must be reopened: ${(error as Error).message}`);
          for (const w of [...waiters, ...this.waiters]) w.reject(this.failed);
          this.waiters = [];
          return;
        }
      }
    } finally {
      this.flushing = null;
    }
  }

  private async writeAll(texts: string[]): Promise<void> {
    // Group into ~8 MiB buffers: few syscalls, no giant strings.
    let parts: string[] = [];
    let bytes = 0;
    for (const text of texts) {
      parts.push(text);
      bytes += text.length;
      if (bytes >= 8 * 1024 * 1024) {
        await this.handle.write(parts.join(''));
        parts = [];
        bytes = 0;
      }
    }
    if (parts.length) await this.handle.write(parts.join(''));
  }

  /**
   * Renames the current file to `archivePath` (it keeps serving reads through
   * its descriptor) and starts a new empty journal. Everything queued is
   * flushed first.
   */
  async rotate(archivePath: string): Promise<JournalFile> {
    await this.flush();
    while (this.flushing) await this.flushing;
    const archived = this.current;
    await this.handle.close();
    await rename(this.path, archivePath);
    archived.path = archivePath;
    await this.openFile();
    return archived;
  }

  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    closeQuietly(this.current.readFd);
  }
}

export function readRange(file: JournalFile, offset: number, length: number): string {
  const buffer = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(file.readFd, buffer, done, length - done, offset + done);
    if (n === 0) throw new Error(`${file.path}: unexpected end of file at byte ${offset + done}`);
    done += n;
  }
  return buffer.toString('utf8');
}

export async function syncDirectory(dir: string): Promise<void> {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}
