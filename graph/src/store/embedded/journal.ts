import { closeSync, fsyncSync, openSync, readSync } from 'node:fs';
import { open, rename, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

// The append-only journal file with group commit: writers queue their lines
// and wait; one flusher writes everything queued, fsyncs once, then resolves
// all the waiters. Appends happen strictly in queue order, and rotation is
// queued the same way, so every line lands in the file that was current when
// it was appended. A queued block may be rendered lazily, at write time, in
// pieces: a million-line import is never one string, nor held in memory
// whole, and learns its byte offsets as it is written.

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

/** Text produced when the flusher reaches it, piece by piece (whole lines each). */
export interface LazyBlock {
  /** Called once, in queue order; `offset` is where its first byte will land in `file`. */
  render(file: JournalFile, offset: number): Iterable<Buffer>;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

export class Journal {
  private handle!: FileHandle;
  private queued: Array<string | LazyBlock | Rotation> = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private failed: Error | null = null;
  /** Bytes already handed to the file being written (write time). */
  private size = 0;
  /** The file that the next appended line belongs to (queue time). */
  current!: JournalFile;
  /** The file the flusher is writing to (write time). */
  private writing!: JournalFile;

  private constructor(private readonly path: string) {}

  /** `file`: the object the change log already refers to for this path (after recovery). */
  static async open(path: string, file: JournalFile = { path, readFd: -1 }): Promise<Journal> {
    const journal = new Journal(path);
    await journal.openFile(file);
    journal.current = file;
    journal.writing = file;
    journal.size = (await journal.handle.stat()).size;
    return journal;
  }

  private async openFile(file: JournalFile): Promise<void> {
    this.handle = await open(this.path, 'a');
    file.readFd = openSync(this.path, 'r');
    await syncDirectory(dirname(this.path));
  }

  /** Queues text (whole lines ending in "\n"), or a block rendered at write time. */
  append(item: string | LazyBlock): void {
    if (this.failed) throw this.failed;
    this.queued.push(item);
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

  private async writeAll(items: Array<string | LazyBlock | Rotation>): Promise<void> {
    // Grouped into ~8 MiB writes: few syscalls, no giant strings.
    let parts: Buffer[] = [];
    let bytes = 0;
    const writeParts = async () => {
      if (parts.length) await writeFully(this.handle, parts);
      parts = [];
      bytes = 0;
    };
    const add = async (piece: Buffer) => {
      parts.push(piece);
      bytes += piece.length;
      this.size += piece.length;
      if (bytes >= WRITE_BYTES) await writeParts();
    };
    for (const item of items) {
      if (typeof item === 'string') await add(Buffer.from(item));
      else if ('render' in item) {
        for (const piece of item.render(this.writing, this.size)) await add(piece);
      } else {
        await writeParts();
        await this.switchFile(item);
      }
    }
    await writeParts();
  }

  private async switchFile({ archivePath, old, next }: Rotation): Promise<void> {
    await this.handle.datasync();
    await this.handle.close();
    await rename(this.path, archivePath);
    old.path = archivePath;
    await this.openFile(next);
    this.writing = next;
    this.size = 0;
  }

  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    await this.handle.close().catch(() => undefined);
    closeQuietly(this.current.readFd);
  }
}

const WRITE_BYTES = 8 * 1024 * 1024;

async function writeFully(handle: FileHandle, buffers: Buffer[]): Promise<void> {
  let pending = buffers;
  while (pending.length) {
    const { bytesWritten } = await handle.writev(pending);
    if (bytesWritten === 0) throw new Error('the journal file accepted no bytes');
    let skip = bytesWritten;
    while (pending.length && skip >= pending[0].length) skip -= pending.shift()!.length;
    if (skip > 0) pending[0] = pending[0].subarray(skip);
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
