/** Schema migrations, applied in order; never edit one that has shipped, append a new one. */
export const migrations: string[] = [
  `
  CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
  );
  CREATE TABLE sandboxes (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL UNIQUE REFERENCES participants(id) ON DELETE CASCADE,
    instance TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('creating', 'ready', 'failed', 'removing')),
    gateway_token TEXT NOT NULL,
    gateway_password TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE functions (
    sandbox_id TEXT NOT NULL REFERENCES sandboxes(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    lang TEXT NOT NULL,
    image TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (sandbox_id, name)
  );
  `,
  // 2: sandbox lifetime: last activity (idle timeout) and the hard limit (extendable)
  `
  ALTER TABLE sandboxes ADD COLUMN last_active_at INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE sandboxes ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
  UPDATE sandboxes SET last_active_at = updated_at, expires_at = created_at + 8 * 3600 * 1000;
  `,
  // 3: the port at which the web app serves a sandbox's gateway at the root of a URL (for OpenFaaS's own clients)
  `
  ALTER TABLE sandboxes ADD COLUMN public_port INTEGER;
  CREATE UNIQUE INDEX sandboxes_public_port ON sandboxes (public_port) WHERE public_port IS NOT NULL;
  `,
  // 4: progress per participant: the latest result of each check (and its last pass, which
  // outlives a failing retry and a sandbox reset), and the steps visited (for "continue")
  `
  CREATE TABLE check_results (
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    lab TEXT NOT NULL,
    step TEXT NOT NULL,
    check_id TEXT NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    sandbox_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    passed_sandbox_id TEXT,
    passed_at INTEGER,
    PRIMARY KEY (participant_id, lab, step, check_id)
  );
  CREATE TABLE step_visits (
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    lab TEXT NOT NULL,
    step TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (participant_id, lab, step)
  );
  CREATE INDEX step_visits_latest ON step_visits (participant_id, at);
  `,
  // 5: instructor accounts (issue 13): an email, a scrypt hash of the password (lib/instructor/password.ts)
  `
  CREATE TABLE instructors (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    created_by TEXT REFERENCES instructors(id) ON DELETE SET NULL
  );
  `,
  // 6: workshop sessions an instructor runs, and the participants who joined one with its code
  `
  CREATE TABLE workshops (
    id TEXT PRIMARY KEY,
    instructor_id TEXT NOT NULL REFERENCES instructors(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    labs TEXT NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 200),
    starts_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL CHECK (ends_at > starts_at),
    sandbox_lifetime_minutes INTEGER NOT NULL,
    pool_size INTEGER NOT NULL,
    join_code TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    ended_at INTEGER
  );
  CREATE INDEX workshops_instructor ON workshops (instructor_id, starts_at);
  CREATE TABLE workshop_members (
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    display_name TEXT NOT NULL,
    joined_at INTEGER NOT NULL,
    PRIMARY KEY (workshop_id, participant_id)
  );
  CREATE INDEX workshop_members_participant ON workshop_members (participant_id, joined_at);
  `,
  // 7: running a room (issue 13): how many times in a row a check has failed (the roster's
  // "stuck"; check_results keeps only the latest result), and the instructor's broadcasts
  `
  ALTER TABLE check_results ADD COLUMN fails_in_row INTEGER NOT NULL DEFAULT 0;
  UPDATE check_results SET fails_in_row = CASE WHEN passed = 1 THEN 0 ELSE 1 END;
  CREATE TABLE workshop_broadcasts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    message TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX workshop_broadcasts_latest ON workshop_broadcasts (workshop_id, id);
  `,
  // 8: a session's own warm pool (its "sandboxes to make ahead"): the session a pool sandbox
  // was made for (NULL: the site's pool); and the instructor taking their message down
  `
  ALTER TABLE sandboxes ADD COLUMN pool_workshop_id TEXT;
  ALTER TABLE workshop_broadcasts ADD COLUMN cleared_at INTEGER;
  `,
  // 9: instructor sign-in kept on the server (issue 13, "Accounts"): each login is a row the
  // sealed cookie names by a random id (stored hashed), so logging out ends it everywhere it was
  // copied to; and failed logins, so the login limit survives a restart. Self-contained: it
  // touches no table but its own (and instructors, by reference).
  `
  CREATE TABLE instructor_sessions (
    id_hash TEXT PRIMARY KEY,
    instructor_id TEXT NOT NULL REFERENCES instructors(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX instructor_sessions_instructor ON instructor_sessions (instructor_id);
  CREATE INDEX instructor_sessions_expiry ON instructor_sessions (expires_at);
  CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  CREATE INDEX login_failures_key ON login_failures (key, at);
  CREATE INDEX login_failures_at ON login_failures (at);
  `,
];
