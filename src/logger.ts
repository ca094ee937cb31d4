import { pino, type Logger } from 'pino';

/**
 * The process logger: JSON lines. Paths that could ever hold a credential are censored
 * as a second line of defence; the first is never logging them.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['appSecret', '*.appSecret', 'secret', '*.secret', 'headers.authorization', '*.headers.authorization', 'signature', '*.signature'],
      censor: '[redacted]',
    },
  });
}
