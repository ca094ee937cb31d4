import { pino, type Logger } from 'pino';

/**
 * The process logger: JSON lines, or readable lines when a person watches a terminal
 * (`LOG_FORMAT=json` keeps JSON there too). Paths that could ever hold a credential are
 * censored as a second line of defence; the first is never logging them.
 */
export function createLogger(level: string, pretty = process.stdout.isTTY === true && process.env.LOG_FORMAT !== 'json'): Logger {
  return pino({
    level,
    redact: {
      paths: ['appSecret', '*.appSecret', 'secret', '*.secret', 'headers.authorization', '*.headers.authorization', 'signature', '*.signature'],
      censor: '[redacted]',
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  });
}
