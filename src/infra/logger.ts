import { pino } from 'pino';
import type { Logger } from '../core/shared/ports.js';

/** Paths never written to logs, whatever a caller passes in the context object. */
const REDACT = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'signingSecret',
  '*.signingSecret',
  'clientSecret',
  '*.clientSecret',
  'password',
  '*.password',
];

export function createLogger(
  level: string,
  name = 'interaction-log',
): Logger & { child(bindings: Record<string, unknown>): Logger } {
  const base = pino({ name, level, redact: { paths: REDACT, censor: '[redacted]' } });
  return wrap(base);
}

function wrap(instance: pino.Logger): Logger & { child(bindings: Record<string, unknown>): Logger } {
  return {
    debug: (message, context) => instance.debug(context ?? {}, message),
    info: (message, context) => instance.info(context ?? {}, message),
    warn: (message, context) => instance.warn(context ?? {}, message),
    error: (message, context) => instance.error(context ?? {}, message),
    child: (bindings) => wrap(instance.child(bindings)),
  };
}
