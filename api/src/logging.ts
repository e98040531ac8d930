import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.ts';

// One logger per process. A person at a terminal reads coloured one-line
// messages; a log collector (stdout is a pipe or a file) gets JSON lines.
// LOG_FORMAT=pretty|json overrides the guess.

export function logFormat(config: Pick<Config, 'LOG_FORMAT'>, stream: { isTTY?: boolean } = process.stdout): 'pretty' | 'json' {
  if (config.LOG_FORMAT !== 'auto') return config.LOG_FORMAT;
  return stream.isTTY ? 'pretty' : 'json';
}

export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'LOG_FORMAT'>, stream: DestinationStream & { isTTY?: boolean } = process.stdout): Logger {
  const options = { level: config.LOG_LEVEL };
  if (logFormat(config, stream) === 'json') return pino(options, stream);
  return pino(options, pretty({ destination: stream, colorize: stream.isTTY === true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', sync: true }));
}
