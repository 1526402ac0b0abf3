import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations } from './migrations';

export type DB = Database.Database;

const key = Symbol.for('faaslab.db');
type Holder = { [key]?: Map<string, DB> };

/**
 * Open (once per process and file) the SQLite database in the data directory and bring its
 * schema up to date. better-sqlite3 is synchronous, which suits SQLite: no pool, no races.
 */
export function openDb(dataDir: string): DB {
  const g = globalThis as Holder;
  g[key] ??= new Map();
  const file = path.join(dataDir, 'faaslab.db');
  const existing = g[key].get(file);
  if (existing?.open) return existing;
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  g[key].set(file, db);
  return db;
}

/** Apply migrations past PRAGMA user_version, each in its own transaction. */
export function migrate(db: DB): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
