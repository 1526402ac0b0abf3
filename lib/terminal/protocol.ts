import type { ErrorCode } from '../errors';

/**
 * The terminal's WebSocket protocol, at TERMINAL_PATH on the web app's own port.
 *
 * Who: the participant named by the httpOnly participant cookie of the upgrade request. The
 * client never names a sandbox; the server finds it from the participant. An automatic
 * reconnect adds `?resume=1`: it re-attaches, but does not re-make a sandbox the reaper removed
 * until the participant presses a key, and does not count as activity. `?terminal=<name>`
 * (TERMINAL_NAME; default "1") picks one of the sandbox's terminals, each its own tmux session
 * (DELETE /api/terminals/<name> ends one; terminal "1" stays).
 *
 * Client → server
 *   binary frame   keystrokes / pasted text, written as-is to the tmux client's stdin (and nowhere else)
 *   text frame     JSON control message: {"type":"resize","cols":N,"rows":N} (clamped; anything else is ignored)
 *
 * Server → client
 *   binary frame   bytes for the terminal: tmux's output, and the platform's own lines while it
 *                  prepares the sandbox or when something fails (ANSI-coloured text)
 *   text frame     JSON status, see ServerMessage: "preparing" while the sandbox is made or
 *                  checked, "attached" once tmux runs, "stopped" while a removed sandbox waits
 *                  for a key; "error" (code, message, hint) before a close
 *
 * The client reconnects (with backoff) after every close: 1000 the tmux client ended (exit or
 * detach; the next attach re-attaches or makes a new session), 1001 the server is stopping,
 * 1013 the sandbox or shell is unavailable, 1011 an unexpected error, 1009 a frame was larger
 * than MAX_FRAME_BYTES. A handshake is refused with an HTTP status instead of a WebSocket:
 * 400 a malformed terminal name, 401 no participant cookie, 403 another origin's page, 429 too
 * many terminals at once.
 */
export const TERMINAL_PATH = '/api/terminal';
export const RESUME_PARAM = 'resume';
export const TERMINAL_PARAM = 'terminal';
/** A terminal's name: 1 to 8 (the server allows at most eight at once per participant). */
export const TERMINAL_NAME = /^[1-8]$/;

/** Largest frame the server accepts (ws closes with 1009 past it); the client sends pastes in INPUT_CHUNK_BYTES pieces. */
export const MAX_FRAME_BYTES = 64 * 1024;
export const INPUT_CHUNK_BYTES = 16 * 1024;

export const CLOSE = { normal: 1000, goingAway: 1001, internal: 1011, tryAgain: 1013 } as const;

export type TerminalSize = { cols: number; rows: number };

export type TerminalStatus = 'preparing' | 'attached' | 'stopped';
export type ServerMessage =
  | { type: 'status'; status: TerminalStatus }
  | { type: 'error'; code: ErrorCode; message: string; hint?: string };
