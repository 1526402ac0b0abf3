export type { ErrorCode } from '../errors';
export type ErrorView = { code: import('../errors').ErrorCode; message: string; hint?: string; detail?: Record<string, unknown> };
