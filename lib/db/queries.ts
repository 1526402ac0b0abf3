import { authQueries } from './auth-queries';
import type { DB } from './open';
import { workshopQueries } from './workshop-queries';

export type SandboxRow = { id: string; participant_id: string; instance: string; status: 'creating' | 'ready' | 'failed' | 'removing'; gateway_token: string; gateway_password: string; created_at: number; updated_at: number; last_active_at: number; expires_at: number; public_port: number | null;
  /** A pool sandbox made for this workshop session (migration 8); null: the site's pool, or handed over. */
  pool_workshop_id: string | null };
export type ParticipantRow = { id: string; created_at: number; last_seen_at: number };
export type FunctionRow = { sandbox_id: string; name: string; lang: string; image: string; updated_at: number };
/** A check's latest result, and where and when it last passed (null: never). */
export type CheckResultRow = { participant_id: string; lab: string; step: string; check_id: string; passed: boolean; sandbox_id: string; at: number; passed_sandbox_id: string | null; passed_at: number | null;
  /** Failures since its last pass (0 after a pass): the roster's "the same check failed 3 times in a row". */
  fails_in_row: number };
export type StepVisitRow = { participant_id: string; lab: string; step: string; at: number };
type CheckResultRecord = Omit<CheckResultRow, 'passed'> & { passed: 0 | 1 };
const checkResult = (r: CheckResultRecord): CheckResultRow => ({ ...r, passed: r.passed === 1 });

/** Typed queries over the schema in migrations.ts; with workshop-queries.ts and auth-queries.ts, the only place SQL is written. */
export function queries(db: DB) {
  const now = () => Date.now();
  const touch = (id: string, at: number) => db.prepare('INSERT INTO participants (id, created_at, last_seen_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET last_seen_at = excluded.last_seen_at').run(id, at, at);
  return {
    ...workshopQueries(db),
    ...authQueries(db),
    touchParticipant(id: string): void {
      touch(id, now());
    },
    participant(id: string): ParticipantRow | undefined {
      return db.prepare('SELECT * FROM participants WHERE id = ?').get(id) as ParticipantRow | undefined;
    },
    /** Participants without a sandbox last seen before `before` (the workspace retention's candidates). */
    participantsUnseenSince(before: number): ParticipantRow[] {
      return db.prepare('SELECT * FROM participants p WHERE p.last_seen_at < ? AND NOT EXISTS (SELECT 1 FROM sandboxes s WHERE s.participant_id = p.id) ORDER BY p.last_seen_at').all(before) as ParticipantRow[];
    },
    /** Forget a participant, unless they have a sandbox (whose row would go with theirs). */
    deleteParticipant(id: string): void {
      db.prepare('DELETE FROM participants WHERE id = ? AND NOT EXISTS (SELECT 1 FROM sandboxes WHERE participant_id = ?)').run(id, id);
    },
    sandboxOf(participantId: string): SandboxRow | undefined {
      return db.prepare('SELECT * FROM sandboxes WHERE participant_id = ?').get(participantId) as SandboxRow | undefined;
    },
    sandbox(id: string): SandboxRow | undefined {
      return db.prepare('SELECT * FROM sandboxes WHERE id = ?').get(id) as SandboxRow | undefined;
    },
    sandboxByToken(token: string): SandboxRow | undefined {
      return db.prepare('SELECT * FROM sandboxes WHERE gateway_token = ?').get(token) as SandboxRow | undefined;
    },
    sandboxesOf(instance: string): SandboxRow[] {
      return db.prepare('SELECT * FROM sandboxes WHERE instance = ?').all(instance) as SandboxRow[];
    },
    insertSandbox(row: Pick<SandboxRow, 'id' | 'participant_id' | 'instance' | 'gateway_token' | 'gateway_password' | 'expires_at'> & { pool_workshop_id?: string | null }): void {
      db.prepare("INSERT INTO sandboxes (id, participant_id, instance, status, gateway_token, gateway_password, created_at, updated_at, last_active_at, expires_at, pool_workshop_id) VALUES (?, ?, ?, 'creating', ?, ?, ?, ?, ?, ?, ?)")
        .run(row.id, row.participant_id, row.instance, row.gateway_token, row.gateway_password, now(), now(), now(), row.expires_at, row.pool_workshop_id ?? null);
    },
    /** Sandboxes made in advance, not yet handed to anyone (their participant is a `pool:…` placeholder): the site's (null), or one session's. */
    poolSandboxes(instance: string, workshopId: string | null = null): SandboxRow[] {
      return db.prepare("SELECT * FROM sandboxes WHERE instance = ? AND participant_id LIKE 'pool:%' AND pool_workshop_id IS ? ORDER BY created_at").all(instance, workshopId) as SandboxRow[];
    },
    /** The sessions that have pool sandboxes here (to drop those no longer wanted). */
    poolWorkshopIds(instance: string): string[] {
      return (db.prepare("SELECT DISTINCT pool_workshop_id AS id FROM sandboxes WHERE instance = ? AND participant_id LIKE 'pool:%' AND pool_workshop_id IS NOT NULL").all(instance) as { id: string }[]).map((r) => r.id);
    },
    /**
     * Hand the oldest ready pool sandbox to a participant (atomic); its clocks start now. A
     * member of a session gets one made for it first, else one of the site's.
     */
    claimPoolSandbox(instance: string, participantId: string, expiresAt: number, workshopId: string | null = null): SandboxRow | undefined {
      return db.transaction(() => {
        const pick = (wid: string | null) => db.prepare("SELECT * FROM sandboxes WHERE instance = ? AND participant_id LIKE 'pool:%' AND pool_workshop_id IS ? AND status = 'ready' ORDER BY created_at LIMIT 1").get(instance, wid) as SandboxRow | undefined;
        const row = (workshopId !== null ? pick(workshopId) : undefined) ?? pick(null);
        if (!row) return undefined;
        db.prepare('UPDATE sandboxes SET participant_id = ?, pool_workshop_id = NULL, created_at = ?, last_active_at = ?, expires_at = ?, updated_at = ? WHERE id = ?').run(participantId, now(), now(), expiresAt, now(), row.id);
        db.prepare('DELETE FROM participants WHERE id = ?').run(row.participant_id);
        return db.prepare('SELECT * FROM sandboxes WHERE id = ?').get(row.id) as SandboxRow;
      })();
    },
    /** The participant did something with their sandbox (resets the idle timeout). */
    touchSandbox(id: string, at = now()): void {
      db.prepare('UPDATE sandboxes SET last_active_at = MAX(last_active_at, ?) WHERE id = ?').run(at, id);
    },
    setSandboxExpiry(id: string, expiresAt: number): void {
      db.prepare('UPDATE sandboxes SET expires_at = ?, last_active_at = ? WHERE id = ?').run(expiresAt, now(), id);
    },
    setSandboxStatus(id: string, status: SandboxRow['status']): void {
      db.prepare('UPDATE sandboxes SET status = ?, updated_at = ? WHERE id = ?').run(status, now(), id);
    },
    /** Sandboxes of this instance that have a public gateway port. */
    publicPorts(instance: string): { id: string; public_port: number }[] {
      return db.prepare('SELECT id, public_port FROM sandboxes WHERE instance = ? AND public_port IS NOT NULL').all(instance) as { id: string; public_port: number }[];
    },
    /** Ports recorded for any sandbox (of any instance sharing this database). */
    usedPublicPorts(): number[] {
      return (db.prepare('SELECT public_port FROM sandboxes WHERE public_port IS NOT NULL').all() as { public_port: number }[]).map((r) => r.public_port);
    },
    setPublicPort(id: string, port: number | null): void {
      db.prepare('UPDATE sandboxes SET public_port = ? WHERE id = ?').run(port, id);
    },
    deleteSandbox(id: string): void {
      db.prepare('DELETE FROM sandboxes WHERE id = ?').run(id);
    },
    upsertFunction(row: Omit<FunctionRow, 'updated_at'>): void {
      db.prepare('INSERT INTO functions (sandbox_id, name, lang, image, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(sandbox_id, name) DO UPDATE SET lang = excluded.lang, image = excluded.image, updated_at = excluded.updated_at').run(row.sandbox_id, row.name, row.lang, row.image, now());
    },
    functionsOf(sandboxId: string): FunctionRow[] {
      return db.prepare('SELECT * FROM functions WHERE sandbox_id = ? ORDER BY name').all(sandboxId) as FunctionRow[];
    },
    deleteFunction(sandboxId: string, name: string): void {
      db.prepare('DELETE FROM functions WHERE sandbox_id = ? AND name = ?').run(sandboxId, name);
    },
    /**
     * Keep a check's latest result; a pass also becomes its last pass, a failure leaves the last
     * pass as it was (a step stays done when a retry fails) and counts one more failure in a row. The participant's row is made if
     * need be, as progress may come before any sandbox.
     */
    recordCheckResult(r: { participant_id: string; lab: string; step: string; check_id: string; passed: boolean; sandbox_id: string }, at = now()): void {
      db.transaction(() => {
        touch(r.participant_id, at);
        db.prepare(`INSERT INTO check_results (participant_id, lab, step, check_id, passed, sandbox_id, at, passed_sandbox_id, passed_at, fails_in_row)
          VALUES (@participant_id, @lab, @step, @check_id, @passed, @sandbox_id, @at, CASE WHEN @passed = 1 THEN @sandbox_id END, CASE WHEN @passed = 1 THEN @at END, 1 - @passed)
          ON CONFLICT(participant_id, lab, step, check_id) DO UPDATE SET passed = excluded.passed, sandbox_id = excluded.sandbox_id, at = excluded.at,
            fails_in_row = CASE WHEN excluded.passed = 1 THEN 0 ELSE fails_in_row + 1 END,
            passed_sandbox_id = COALESCE(excluded.passed_sandbox_id, passed_sandbox_id), passed_at = COALESCE(excluded.passed_at, passed_at)`)
          .run({ ...r, passed: r.passed ? 1 : 0, at });
      })();
    },
    /** A participant's check results, of one step or of all. */
    checkResultsOf(participantId: string, where: { lab: string; step: string } | null = null): CheckResultRow[] {
      const rows = where
        ? db.prepare('SELECT * FROM check_results WHERE participant_id = ? AND lab = ? AND step = ? ORDER BY check_id').all(participantId, where.lab, where.step)
        : db.prepare('SELECT * FROM check_results WHERE participant_id = ? ORDER BY lab, step, check_id').all(participantId);
      return (rows as CheckResultRecord[]).map(checkResult);
    },
    /** The participant opened a step (its time is the latest visit's). */
    recordStepVisit(r: { participant_id: string; lab: string; step: string }, at = now()): void {
      db.transaction(() => {
        touch(r.participant_id, at);
        db.prepare('INSERT INTO step_visits (participant_id, lab, step, at) VALUES (?, ?, ?, ?) ON CONFLICT(participant_id, lab, step) DO UPDATE SET at = excluded.at').run(r.participant_id, r.lab, r.step, at);
      })();
    },
    /** A participant's visited steps, latest first. */
    stepVisitsOf(participantId: string): StepVisitRow[] {
      return db.prepare('SELECT * FROM step_visits WHERE participant_id = ? ORDER BY at DESC, lab DESC, step DESC').all(participantId) as StepVisitRow[];
    },
  };
}

export type Queries = ReturnType<typeof queries>;
