import type { ImportProgress } from './import.ts';

// A one-line progress bar for the CLIs, redrawn on stderr (only when it is a terminal).

export function progressBar(stream: NodeJS.WriteStream = process.stderr): { update(p: ImportProgress): void; done(): void } {
  const started = Date.now();
  let last = 0;
  const draw = (line: string) => {
    if (stream.isTTY) stream.write(`\r${line.padEnd(100).slice(0, Math.max(20, (stream.columns ?? 100) - 1))}`);
  };
  return {
    update(p) {
      const now = Date.now();
      if (now - last < 100 && p.phase === 'read') return;
      last = now;
      const seconds = (now - started) / 1000;
      const rate = seconds > 0 ? Math.round(p.elements / seconds) : 0;
      if (p.phase === 'read' && p.totalBytes) {
        const share = Math.min(1, p.bytesRead / p.totalBytes);
        const width = 30;
        const filled = Math.round(share * width);
        draw(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}%  ${p.elements.toLocaleString('en')} rows  ${rate.toLocaleString('en')}/s  ${p.file ?? ''}`);
      } else if (p.phase === 'read') draw(`reading ${p.file ?? ''}: ${p.elements.toLocaleString('en')} rows`);
      else if (p.phase === 'check') draw(`checking ${p.elements.toLocaleString('en')} rows…`);
      else if (p.phase === 'write') draw(`writing ${p.elements.toLocaleString('en')} elements to the store…`);
    },
    done() {
      if (stream.isTTY) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns ?? 100) - 1))}\r`);
    },
  };
}
