/** The invoke panel's limits and methods, shared by the server and the browser (no server imports here). */

/** A request body larger than this is refused (the same 1 MiB as the lesson's Run button). */
export const MAX_INVOKE_BODY = 1024 * 1024;
/** Of an answer, this much is kept to show; a longer one is cut and says so. */
export const MAX_SHOWN_RESPONSE = 256 * 1024;
export const INVOKE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
