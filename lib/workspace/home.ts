import fs from 'node:fs';
import path from 'node:path';
import { isParticipantId } from '../session/participant';
import { copyEntry, joinBytes } from './copy-tree';
import { pointWorkspace } from './links';
import { mountQuotaFs, remountQuotaFs, removeQuotaFs } from './quota-fs';

/**
 * Where a sandbox's shell keeps its files on the host: <data>/homes/<sandbox id>, mounted as
 * the shell's home. A participant's workspace (<data>/workspaces/<participant id>, what the
 * editor and builds use) becomes a symbolic link to the home of their current sandbox, so a
 * sandbox made in advance (the warm pool) can be handed to anyone. When the sandbox ends its
 * home is retired (retire.ts): the files go to a plain folder until the next sandbox.
 */
const homeRoot = (dataDir: string, sid: string) => path.join(dataDir, 'homes', sid);
const homeImage = (dataDir: string, sid: string) => path.join(dataDir, 'homes', `${sid}.img`);
export const sandboxHome = (dataDir: string, sid: string) => path.join(homeRoot(dataDir, sid), 'files');
/** What a sandbox id may look like (lib/docker/names.ts makes 10 base-36 characters); nothing else in homes/ is touched. */
const SID = /^[a-z0-9]{1,32}$/;

/**
 * Make the sandbox's home. With a quota (MB > 0) homes/<sid> is a size-limited file system and
 * the files live in its `files` folder: if it is ever not mounted (after a reboot, before the
 * platform starts), that folder does not exist and the shell cannot start writing to the
 * host's disk instead.
 */
export function ensureHome(dataDir: string, sid: string, quotaMb = 0): string {
  if (quotaMb > 0) mountQuotaFs(homeImage(dataDir, sid), homeRoot(dataDir, sid), quotaMb);
  const home = sandboxHome(dataDir, sid);
  fs.mkdirSync(home, { recursive: true });
  return home;
}

/**
 * Move every entry of `from` into `to` (same file system: renames; otherwise copy then delete,
 * by copy-tree.ts's rules: links as links, FIFOs skipped). Names are handled as bytes: one that
 * is not valid UTF-8 (made in the shell) must not stop the move.
 */
function moveEntries(from: string, to: string): void {
  const [fromBytes, toBytes] = [Buffer.from(from), Buffer.from(to)];
  for (const name of fs.readdirSync(fromBytes, { encoding: 'buffer' })) {
    const [src, dst] = [joinBytes(fromBytes, name), joinBytes(toBytes, name)];
    fs.rmSync(dst, { recursive: true, force: true }); // the new home is fresh: the participant's copy wins
    try {
      fs.renameSync(src, dst);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
      copyEntry(src, dst);
      fs.rmSync(src, { recursive: true, force: true });
    }
  }
}

/**
 * Point the participant's workspace at the sandbox's home, bringing their files along: from
 * the plain folder the editor made before they had a sandbox, or from an earlier sandbox's
 * home (which is then deleted). Idempotent; retried if the editor saves a file meanwhile.
 */
export function attachWorkspace(dataDir: string, participantId: string, sid: string, quotaMb = 0): void {
  if (!isParticipantId(participantId)) throw new Error('invalid participant id');
  const home = ensureHome(dataDir, sid, quotaMb);
  const link = path.join(dataDir, 'workspaces', participantId);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  const target = path.relative(path.dirname(link), home);
  for (let attempt = 0; ; attempt++) {
    try {
      const st = fs.lstatSync(link, { throwIfNoEntry: false });
      if (st?.isSymbolicLink()) {
        const old = path.resolve(path.dirname(link), fs.readlinkSync(link));
        if (old === home) return;
        if (fs.existsSync(old)) moveEntries(old, home);
        pointWorkspace(dataDir, participantId, home); // atomic: the workspace is never missing
        if (path.basename(old) === 'files') removeHome(dataDir, path.basename(path.dirname(old)));
        else fs.rmSync(old, { recursive: true, force: true });
        return;
      }
      if (st?.isDirectory()) {
        moveEntries(link, home);
        fs.rmdirSync(link); // fails (and we go round again) if a file was saved meanwhile
      }
      fs.symlinkSync(target, link);
      return;
    } catch (err) {
      if (attempt >= 5) throw err;
    }
  }
}

/** Delete a home no participant's workspace points at (a pool sandbox's, or one whose files were not kept). */
export function removeHome(dataDir: string, sid: string): void {
  removeQuotaFs(homeImage(dataDir, sid), homeRoot(dataDir, sid));
  fs.rmSync(homeRoot(dataDir, sid), { recursive: true, force: true });
}

/** Mount a home whose image is not mounted (after a reboot) so its files can be read; a no-op otherwise. */
export function remountHome(dataDir: string, sid: string): void {
  remountQuotaFs(homeImage(dataDir, sid), homeRoot(dataDir, sid));
}

/** The sandbox whose home `target` is (<data>/homes/<sid>/files), or null. */
export function homeSandboxId(dataDir: string, target: string): string | null {
  const sid = path.basename(path.dirname(target));
  return SID.test(sid) && target === sandboxHome(dataDir, sid) ? sid : null;
}

/** Sandbox ids with a home, or what is left of one (an image), in the data directory. */
export function homeIds(dataDir: string): string[] {
  const dir = path.join(dataDir, 'homes');
  const ids = (fs.existsSync(dir) ? fs.readdirSync(dir) : []).map((entry) => entry.replace(/\.img(\.new)?$/, ''));
  return [...new Set(ids.filter((sid) => SID.test(sid)))];
}

/** Remove every home of a data directory (tests, and an instance's teardown). */
export function removeAllHomes(dataDir: string): void {
  const dir = path.join(dataDir, 'homes');
  for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!entry.endsWith('.img') && !entry.endsWith('.img.new')) removeHome(dataDir, entry);
  }
}
