import { closeSync, fsyncSync, openSync, readSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

// The append-only journal file with group commit: writers queue their lines
// and wait; one flusher writes everything queued, fsyncs once, then resolves
// all the waiters. Offsets of queued lines are known at queue time because
// appends happen strictly in queue order. Rotation is queued the same way,
// so every line lands in the file that was current when it was appended.

export interface JournalFile {
  path: string;
  /** Read descriptor; survives renames (rotation). -1 until the file is open. */
  readFd: number;
}

interface Rotation {
  archivePath: string;
  old: JournalFile;
  next: JournalFile;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

export class Journal {
  private handle!: FileHandle;
  private queued: Array<string | Rotation> = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private failed: Error | null = null;
  /** Logical size of the current file, including queued but unwritten bytes. */
  private size = 0;
  /** The file that the next appended line belongs to. */
  current!: JournalFile;

  private constructor(private readonly path: string) {}

  /** `file`: the object the change log already refers to for this path (after recovery). */
  static async open(path: string, file: JournalFile = { path, readFd: -1 }): Promise<Journal> {
    const journal = new Journal(path);
    await journal.openFile(file);
    journal.current = file;
    journal.size = (await journal.handle.stat()).size;
    return journal;
  }

  private async openFile(file: JournalFile): Promise<void> {
    this.handle = await open(this.path, 'a');
    file.readFd = openSync(this.path, 'r');
    await syncDirectory(dirname(this.path));
  }

  /** Byte offset where the next appended text will start. */
  get end(): number {
    return this.size;
  }

  /** Queues text (whole lines ending in "\n"); returns the byte offset where it will start. */
  append(text: string): number {
    if (this.failed) throw this.failed;
    const offset = this.size;
    this.size += Buffer.byteLength(text);
    this.queued.push(text);
    return offset;
  }

  /**
   * Everything appended so far will end up in `archivePath` (the current file,
   * renamed; it keeps serving reads through its descriptor); later appends go
   * to a fresh journal. Takes effect at the next flush; returns the archived file.
   */
  rotate(archivePath: string): JournalFile {
    if (this.failed) throw this.failed;
    const old = this.current;
    const next: JournalFile = { path: this.path, readFd: -1 };
    this.queued.push({ archivePath, old, next });
    this.current = next;
    this.size = 0;
    return old;
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
        const items = this.queued;
        const waiters = this.waiters;
        this.queued = [];
        this.waiters = [];
        try {
          await this.writeAll(items);
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

  private async writeAll(items: Array<string | Rotation>): Promise<void> {
    // Group into ~8 MiB writes: few syscalls, no giant strings.
    let parts: string[] = [];
    let bytes = 0;
    const writeParts = async () => {
      if (parts.length) await this.handle.write(parts.join(''));
      parts = [];
      bytes = 0;
    };
    for (const item of items) {
      if (typeof item !== 'string') {
        await writeParts();
        await this.switchFile(item);
        continue;
      }
      parts.push(item);
      bytes += item.length;
      if (bytes >= 8 * 1024 * 1024) await writeParts();
    }
    await writeParts();
  }

  private async switchFile({ archivePath, old, next }: Rotation): Promise<void> {
    await this.handle.datasync();
    await this.handle.close();
    await rename(this.path, archivePath);
    old.path = archivePath;
    await this.openFile(next);
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
  if (fd < 0) return;
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}
