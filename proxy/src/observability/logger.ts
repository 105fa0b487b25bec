import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs: JSON lines in production, readable lines on a terminal. Anything that can
 * carry a credential is redacted by path, so a careless `log.info({ headers })` stays safe.
 */
export function createLogger(options: { level: string; format?: 'json' | 'pretty' | undefined }) {
  const pretty = options.format ? options.format === 'pretty' : process.stdout.isTTY === true;

  return pino({
    level: options.level,
    base: { service: 'upsignal-proxy' },
    redact: {
      paths: [
        'token',
        '*.token',
        'authorization',
        '*.authorization',
        'headers.authorization',
        'headers["x-hubspot-signature-v3"]',
        'privateKey',
        '*.privateKey',
        'secret',
        '*.secret',
      ],
      censor: '[redacted]',
    },
    ...(pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss' } } }
      : {}),
  });
}
