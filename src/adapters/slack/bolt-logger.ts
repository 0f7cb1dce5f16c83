import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../core/shared/ports.js';

/** Routes Bolt's and the WebClient's logs into our structured logger (tokens are redacted there). */
export function toBoltLogger(logger: Logger, name = 'bolt'): BoltLogger {
  let level = LogLevel.INFO;
  const join = (parts: unknown[]) =>
    parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');
  return {
    debug: (...parts) => logger.debug(join(parts), { source: name }),
    info: (...parts) => logger.info(join(parts), { source: name }),
    warn: (...parts) => logger.warn(join(parts), { source: name }),
    error: (...parts) => logger.error(join(parts), { source: name }),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
