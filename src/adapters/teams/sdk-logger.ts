import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../../core/shared/ports.js';

const join = (parts: unknown[]) =>
  parts.map((part) => (part instanceof Error ? part.message : String(part))).join(' ');

/** Routes the Teams SDK's logs into our structured logger (which redacts secrets). */
export function toSdkLogger(logger: Logger, name = 'teams-sdk'): ILogger {
  const write = (level: LogLevel, parts: unknown[]) => {
    const message = join(parts);
    const context = { source: name };
    if (level === 'error') logger.error(message, context);
    else if (level === 'warn') logger.warn(message, context);
    else if (level === 'info') logger.info(message, context);
    else logger.debug(message, context);
  };
  return {
    debug: (...parts) => write('debug', parts),
    info: (...parts) => write('info', parts),
    warn: (...parts) => write('warn', parts),
    error: (...parts) => write('error', parts),
    trace: (...parts) => write('trace', parts),
    log: (level, ...parts) => write(level, parts),
    child: (child) => toSdkLogger(logger, `${name}/${child}`),
  };
}
