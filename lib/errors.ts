/** One error type for the whole app; the code decides the HTTP status in one place. */
export type ErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'not_allowed'
  | 'conflict'
  | 'too_large'
  | 'unsupported'
  | 'quota'
  | 'build_failed'
  | 'deploy_failed'
  | 'invoke_failed'
  | 'unavailable'
  | 'timeout'
  | 'internal';

const statusByCode: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  not_allowed: 405,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  quota: 429,
  build_failed: 422,
  deploy_failed: 502,
  invoke_failed: 502,
  unavailable: 503,
  timeout: 504,
  internal: 500,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  /** What the user can do about it, shown under the message. */
  readonly hint?: string;
  /** Extra detail for the UI (e.g. a build log excerpt, a file and line). */
  readonly detail?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { hint?: string; detail?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.hint = opts.hint;
    this.detail = opts.detail;
  }

  get status(): number {
    return statusByCode[this.code];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** A plain, serialisable view of an error, for responses and job events. */
export type ErrorView = { code: ErrorCode; message: string; hint?: string; detail?: Record<string, unknown> };

export function toErrorView(err: unknown): ErrorView {
  if (isAppError(err)) return { code: err.code, message: err.message, hint: err.hint, detail: err.detail };
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}
