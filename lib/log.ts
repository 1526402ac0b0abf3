import pino from 'pino';

/** The process logger. JSON lines on stdout; level from LOG_LEVEL. */
export const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { app: 'faaslab' } });
