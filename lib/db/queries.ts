import type { DB } from './open';

export type SandboxRow = { id: string; participant_id: string; instance: string; status: 'creating' | 'ready' | 'failed' | 'removing'; gateway_token: string; gateway_password: string; created_at: number; updated_at: number };
export type FunctionRow = { sandbox_id: string; name: string; lang: string; image: string; updated_at: number };

/** Typed queries over the schema in migrations.ts; the only place SQL is written. */
export function queries(db: DB) {
  const now = () => Date.now();
  return {
    touchParticipant(id: string): void {
      db.prepare('INSERT INTO participants (id, created_at, last_seen_at) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET last_seen_at = excluded.last_seen_at').run(id, now(), now());
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
    insertSandbox(row: Pick<SandboxRow, 'id' | 'participant_id' | 'instance' | 'gateway_token' | 'gateway_password'>): void {
      db.prepare("INSERT INTO sandboxes (id, participant_id, instance, status, gateway_token, gateway_password, created_at, updated_at) VALUES (?, ?, ?, 'creating', ?, ?, ?, ?)")
        .run(row.id, row.participant_id, row.instance, row.gateway_token, row.gateway_password, now(), now());
    },
    setSandboxStatus(id: string, status: SandboxRow['status']): void {
      db.prepare('UPDATE sandboxes SET status = ?, updated_at = ? WHERE id = ?').run(status, now(), id);
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
  };
}

export type Queries = ReturnType<typeof queries>;
