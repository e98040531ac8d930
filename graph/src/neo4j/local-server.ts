import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Starts the local Neo4j 5 community server of graph/neo4j-server (embedded
// DBMS with only a Bolt connector on 127.0.0.1) as a child JVM. The JVM reads
// its stdin and exits when it closes, so it never outlives this process.

export const NEO4J_SERVER_DIR = fileURLToPath(new URL('../../neo4j-server/', import.meta.url));

const READY = /ATLAS-NEO4J READY (bolt:\/\/\S+)/;
const JAVA_OPENS = ['java.base/java.nio', 'java.base/java.io', 'java.base/sun.nio.ch', 'java.base/java.lang'].flatMap((pkg) => [
  '--add-opens',
  `${pkg}=ALL-UNNAMED`,
]);

export interface LocalNeo4jOptions {
  /** Bolt port; 0 or absent picks a free one. */
  port?: number;
  /** Where the store files live (created when missing). */
  homeDir: string;
  pageCacheMiB?: number;
  /** Max heap, e.g. "512m". */
  heap?: string;
  /** How long to wait for the READY line (default 120 s). */
  startTimeoutMs?: number;
}

export interface LocalNeo4j {
  uri: string;
  port: number;
  startupMs: number;
  /** Closes stdin (clean shutdown), SIGTERM after 20 s, SIGKILL after 30 s; resolves once the JVM exited. */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, found by binding port 0. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Builds the Maven project when its classes or dependency jars are missing. */
export function ensureNeo4jServerBuilt(): void {
  const classes = path.join(NEO4J_SERVER_DIR, 'target', 'classes', 'atlas', 'AtlasNeo4jServer.class');
  const lib = path.join(NEO4J_SERVER_DIR, 'target', 'lib');
  if (existsSync(classes) && existsSync(lib) && readdirSync(lib).some((f) => f.endsWith('.jar'))) return;
  const result = spawnSync('mvn', ['-B', '-q', '-f', path.join(NEO4J_SERVER_DIR, 'pom.xml'), 'package', '-DskipTests'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw new Error(`cannot build graph/neo4j-server (is Maven installed?): ${result.error.message}`);
  if (result.status !== 0) throw new Error(`building graph/neo4j-server failed (mvn exit code ${result.status})`);
}

export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  ensureNeo4jServerBuilt();
  const port = options.port || (await freePort());
  const homeDir = path.resolve(options.homeDir);
  mkdirSync(homeDir, { recursive: true });
  const heap = options.heap ?? '512m';
  const target = path.join(NEO4J_SERVER_DIR, 'target');
  const classpath = [path.join(target, 'classes'), path.join(target, 'lib', '*')].join(path.delimiter);
  const args = [
    '-Xms128m',
    `-Xmx${heap}`,
    '-XX:+UseSerialGC',
    ...JAVA_OPENS,
    '-cp',
    classpath,
    'atlas.AtlasNeo4jServer',
    String(port),
    homeDir,
    String(options.pageCacheMiB ?? 128),
  ];
  const started = Date.now();
  const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
  // Writing to/closing the stdin of a JVM that already died must not crash Node.
  child.stdin?.on('error', () => {});
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const uri = await waitForReady(child, options.startTimeoutMs ?? 120_000);
  const startupMs = Date.now() - started;

  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin?.end();
      const term = setTimeout(() => child.kill('SIGTERM'), 20_000);
      const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(term);
      clearTimeout(kill);
    })();
    return stopping;
  };
  return { uri, port, startupMs, stop };
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderrTail: string[] = [];
    let stdoutBuffer = '';
    const tail = () => stderrTail.slice(-20).join('\n') || '(no stderr output)';
    const fail = (reason: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`local Neo4j did not start: ${reason}\n--- last stderr lines ---\n${tail()}`));
    };
    const onStdout = (chunk: Buffer) => {
      stdoutBuffer += chunk.toString('utf8');
      const match = READY.exec(stdoutBuffer);
      if (match) {
        cleanup();
        // Keep draining output so the JVM never blocks on a full pipe.
        child.stdout?.resume();
        resolve(match[1]);
      } else if (stdoutBuffer.length > 64_000) stdoutBuffer = stdoutBuffer.slice(-4_000);
    };
    const onStderr = (chunk: Buffer) => {
      stderrTail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (stderrTail.length > 200) stderrTail.splice(0, stderrTail.length - 200);
    };
    const onExit = (code: number | null, signal: string | null) => fail(`the JVM exited (code ${code}, signal ${signal})`);
    const onError = (error: Error) => fail(`cannot run java: ${error.message}`);
    const timer = setTimeout(() => fail(`no READY line within ${timeoutMs} ms`), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
