import type { DB } from './open';

export type InstructorRow = { id: string; email: string; name: string; password_hash: string; created_at: number; created_by: string | null };
/** A workshop session; `labs` is the JSON array of lab slugs it includes, in order. */
export type WorkshopRow = {
  id: string; instructor_id: string; title: string; labs: string; capacity: number; starts_at: number; ends_at: number;
  sandbox_lifetime_minutes: number; pool_size: number; join_code: string; created_at: number; ended_at: number | null;
};
export type WorkshopMemberRow = { workshop_id: string; participant_id: string; display_name: string; joined_at: number };
export type WorkshopListRow = WorkshopRow & { members: number };
/** A message the instructor sent to everyone in a session (migration 7). */
export type BroadcastRow = { id: number; workshop_id: string; message: string; at: number;
  /** When the instructor took it down (migration 8); null while it shows. */
  cleared_at: number | null };

/**
 * The queries of instructor-led sessions (migrations 5 and 6), kept beside queries.ts, which
 * spreads them into its own: SQL stays in lib/db, and each file keeps to one part of the schema.
 */
export function workshopQueries(db: DB) {
  return {
    instructorCount(): number {
      return (db.prepare('SELECT COUNT(*) AS n FROM instructors').get() as { n: number }).n;
    },
    instructorByEmail(email: string): InstructorRow | undefined {
      return db.prepare('SELECT * FROM instructors WHERE email = ?').get(email) as InstructorRow | undefined;
    },
    instructor(id: string): InstructorRow | undefined {
      return db.prepare('SELECT * FROM instructors WHERE id = ?').get(id) as InstructorRow | undefined;
    },
    /** False when the email is taken (compared without case, as the column's collation says). */
    insertInstructor(row: Omit<InstructorRow, 'created_at'>, at = Date.now()): boolean {
      const r = db.prepare('INSERT INTO instructors (id, email, name, password_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(email) DO NOTHING')
        .run(row.id, row.email, row.name, row.password_hash, at, row.created_by);
      return r.changes === 1;
    },
    /** False when the join code is taken (the caller draws another). */
    insertWorkshop(row: Omit<WorkshopRow, 'ended_at'>): boolean {
      const r = db.prepare(`INSERT INTO workshops (id, instructor_id, title, labs, capacity, starts_at, ends_at, sandbox_lifetime_minutes, pool_size, join_code, created_at)
        VALUES (@id, @instructor_id, @title, @labs, @capacity, @starts_at, @ends_at, @sandbox_lifetime_minutes, @pool_size, @join_code, @created_at) ON CONFLICT(join_code) DO NOTHING`).run(row);
      return r.changes === 1;
    },
    workshop(id: string): WorkshopRow | undefined {
      return db.prepare('SELECT * FROM workshops WHERE id = ?').get(id) as WorkshopRow | undefined;
    },
    workshopByCode(code: string): WorkshopRow | undefined {
      return db.prepare('SELECT * FROM workshops WHERE join_code = ?').get(code) as WorkshopRow | undefined;
    },
    /** One instructor's sessions with how many joined, the latest start first. */
    workshopsOf(instructorId: string): WorkshopListRow[] {
      return db.prepare('SELECT w.*, (SELECT COUNT(*) FROM workshop_members m WHERE m.workshop_id = w.id) AS members FROM workshops w WHERE w.instructor_id = ? ORDER BY w.starts_at DESC, w.created_at DESC').all(instructorId) as WorkshopListRow[];
    },
    /** Who joined a session, in the order they came. */
    membersOf(workshopId: string): WorkshopMemberRow[] {
      return db.prepare('SELECT * FROM workshop_members WHERE workshop_id = ? ORDER BY joined_at, rowid').all(workshopId) as WorkshopMemberRow[];
    },
    member(workshopId: string, participantId: string): WorkshopMemberRow | undefined {
      return db.prepare('SELECT * FROM workshop_members WHERE workshop_id = ? AND participant_id = ?').get(workshopId, participantId) as WorkshopMemberRow | undefined;
    },
    /**
     * Add (or rename) a member, unless the session is full; one transaction, so two people
     * joining at once cannot both take its last place. The participant's row is made if need be.
     */
    joinWorkshop(r: { workshop_id: string; participant_id: string; display_name: string; capacity: number }, at = Date.now()): 'joined' | 'renamed' | 'full' {
      return db.transaction(() => {
        db.prepare('INSERT INTO participants (id, created_at, last_seen_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET last_seen_at = excluded.last_seen_at').run(r.participant_id, at, at);
        const renamed = db.prepare('UPDATE workshop_members SET display_name = ? WHERE workshop_id = ? AND participant_id = ?').run(r.display_name, r.workshop_id, r.participant_id);
        if (renamed.changes === 1) return 'renamed' as const;
        const { n } = db.prepare('SELECT COUNT(*) AS n FROM workshop_members WHERE workshop_id = ?').get(r.workshop_id) as { n: number };
        if (n >= r.capacity) return 'full' as const;
        db.prepare('INSERT INTO workshop_members (workshop_id, participant_id, display_name, joined_at) VALUES (?, ?, ?, ?)').run(r.workshop_id, r.participant_id, r.display_name, at);
        return 'joined' as const;
      }).immediate();
    },
    /** The session a participant joined last (for the header), if any. */
    latestWorkshopOf(participantId: string): (WorkshopRow & { display_name: string }) | undefined {
      return db.prepare('SELECT w.*, m.display_name FROM workshop_members m JOIN workshops w ON w.id = m.workshop_id WHERE m.participant_id = ? ORDER BY m.joined_at DESC LIMIT 1').get(participantId) as (WorkshopRow & { display_name: string }) | undefined;
    },
    /** End a session now (the first end counts; ending again changes nothing). */
    endWorkshop(id: string, at = Date.now()): void {
      db.prepare('UPDATE workshops SET ended_at = ? WHERE id = ? AND ended_at IS NULL').run(at, id);
    },
    insertBroadcast(workshopId: string, message: string, at = Date.now()): BroadcastRow {
      const r = db.prepare('INSERT INTO workshop_broadcasts (workshop_id, message, at) VALUES (?, ?, ?)').run(workshopId, message, at);
      return { id: Number(r.lastInsertRowid), workshop_id: workshopId, message, at, cleared_at: null };
    },
    /** Take the session's current message down (true when one was showing). */
    clearBroadcast(workshopId: string, at = Date.now()): boolean {
      const r = db.prepare('UPDATE workshop_broadcasts SET cleared_at = ? WHERE workshop_id = ? AND cleared_at IS NULL').run(at, workshopId);
      return r.changes > 0;
    },
    /** Sessions that want sandboxes made ahead by `until` (their start) and have not ended by `now`, the soonest first, with how many of their members have a sandbox. */
    workshopsWantingPool(now: number, until: number): (WorkshopRow & { with_sandbox: number })[] {
      return db.prepare(`SELECT w.*, (SELECT COUNT(*) FROM workshop_members m JOIN sandboxes s ON s.participant_id = m.participant_id WHERE m.workshop_id = w.id) AS with_sandbox FROM workshops w
        WHERE w.pool_size > 0 AND w.ended_at IS NULL AND w.ends_at > ? AND w.starts_at <= ? ORDER BY w.starts_at, w.created_at`).all(now, until) as (WorkshopRow & { with_sandbox: number })[];
    },
    /** A session's latest broadcast, if any. */
    latestBroadcast(workshopId: string): BroadcastRow | undefined {
      return db.prepare('SELECT * FROM workshop_broadcasts WHERE workshop_id = ? ORDER BY id DESC LIMIT 1').get(workshopId) as BroadcastRow | undefined;
    },
  };
}
