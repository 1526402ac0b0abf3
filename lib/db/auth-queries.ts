import type { DB } from './open';

/** A login of an instructor (migration 9); `id_hash` is the SHA-256 of the id its cookie carries. */
export type InstructorSessionRow = { id_hash: string; instructor_id: string; created_at: number; last_seen_at: number; expires_at: number };

/** The queries of instructor sign-in (migration 9), spread into queries.ts like workshop-queries.ts. */
export function authQueries(db: DB) {
  return {
    insertInstructorSession(row: InstructorSessionRow): void {
      db.prepare('INSERT INTO instructor_sessions (id_hash, instructor_id, created_at, last_seen_at, expires_at) VALUES (@id_hash, @instructor_id, @created_at, @last_seen_at, @expires_at)').run(row);
    },
    /** The session with this id hash, unless it has expired by `at`. */
    liveInstructorSession(idHash: string, at: number): InstructorSessionRow | undefined {
      return db.prepare('SELECT * FROM instructor_sessions WHERE id_hash = ? AND expires_at > ?').get(idHash, at) as InstructorSessionRow | undefined;
    },
    /** Note the session was used; written at most once per `everyMs`, so a polling roster does not write on every request. */
    touchInstructorSession(idHash: string, at: number, everyMs: number): void {
      db.prepare('UPDATE instructor_sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at <= ?').run(at, idHash, at - everyMs);
    },
    deleteInstructorSession(idHash: string): void {
      db.prepare('DELETE FROM instructor_sessions WHERE id_hash = ?').run(idHash);
    },
    /** End every login of one instructor; how many there were. */
    deleteInstructorSessionsOf(instructorId: string): number {
      return db.prepare('DELETE FROM instructor_sessions WHERE instructor_id = ?').run(instructorId).changes;
    },
    /** Forget the sessions that expired by `at`. */
    sweepInstructorSessions(at: number): void {
      db.prepare('DELETE FROM instructor_sessions WHERE expires_at <= ?').run(at);
    },
    /** When each failed login of `key` since `since` happened, oldest first. */
    loginFailuresSince(key: string, since: number): number[] {
      return (db.prepare('SELECT at FROM login_failures WHERE key = ? AND at > ? ORDER BY at').all(key, since) as { at: number }[]).map((r) => r.at);
    },
    insertLoginFailure(key: string, at: number): void {
      db.prepare('INSERT INTO login_failures (key, at) VALUES (?, ?)').run(key, at);
    },
    deleteLoginFailures(key: string): void {
      db.prepare('DELETE FROM login_failures WHERE key = ?').run(key);
    },
    /** Forget the failures at or before `before` (out of every window). */
    sweepLoginFailures(before: number): void {
      db.prepare('DELETE FROM login_failures WHERE at <= ?').run(before);
    },
  };
}
