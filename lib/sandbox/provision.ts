import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import type { Config } from '../config';
import type { Queries, SandboxRow } from '../db/queries';
import { LABEL, ownedLabels } from '../docker/labels';
import { names, newSandboxId } from '../docker/names';
import { ensureOverlayNetwork, networkSubnets } from '../docker/networks';
import type { ImageManifest } from '../platform/manifest';
import { isPoolOwner } from '../session/participant';
import { attachWorkspace, ensureHome } from '../workspace/home';
import { noteClaim } from './claim-quiet';
import { ensureGateway, ensureGatewaySecrets, GATEWAY_USER } from './gateway';
import { ensureShell } from './shell';
import { ensureControlPlane } from './control-plane';
import { firstExpiry, lifetime } from './lifetime';
import { sandboxRules } from './room-rules';
import { dropSandbox } from './reaper';
import { serialised } from './locks';
import { withMakeSlot } from './make-slots';

/** A participant's stack as the rest of the app sees it; `token` authorises the platform-only gateway API. */
export type Sandbox = {
  id: string;
  instance: string;
  networkId: string;
  gatewayUrl: string;
  token: string;
  /** What the participant uses with faas-cli login. */
  credentials: { user: string; password: string };
};
export type SandboxDeps = { engine: Docker; q: Queries; cfg: Config; images: ImageManifest };

const secret = () => randomBytes(24).toString('base64url');

/**
 * The participant's sandbox, made on first need and re-made where parts are missing (a
 * restart or a removed service loses nothing that the database and labels can't restore).
 * A member of a running workshop session takes a sandbox made ahead for it first, and theirs
 * lives as long as the session says; `poolFor` makes a pool sandbox for that session.
 */
export function ensureSandbox(deps: SandboxDeps, participantId: string, progress: (line: string) => void = () => {}, opts: { activity?: boolean; poolFor?: string } = {}): Promise<Sandbox> {
  return serialised(`sandbox:${participantId}`, async () => {
    const { q, cfg, engine, images } = deps;
    q.touchParticipant(participantId);
    let row = q.sandboxOf(participantId);
    const life = row && lifetime(row, cfg, Date.now());
    if (row && life && life.reason === 'limit' && life.remainingMs === 0) {
      // Past its hard limit (the reaper had not come by yet): a fresh one, with the same files.
      progress('Your sandbox reached its time limit; making a fresh one (your files are kept)…');
      await dropSandbox(deps, row, { keepFiles: true });
      row = undefined;
    }
    const rules = isPoolOwner(participantId) ? null : sandboxRules(q, cfg, participantId, Date.now());
    if (!row && rules) {
      row = q.claimPoolSandbox(cfg.FAASLAB_PREFIX, participantId, firstExpiry(cfg, Date.now(), rules.maxMs), rules.workshopId);
      if (row) { noteClaim(); progress('Your sandbox was made in advance: checking it…'); }
    }
    const fresh = !row;
    if (!row) {
      q.insertSandbox({
        id: newSandboxId(), participant_id: participantId, instance: cfg.FAASLAB_PREFIX, gateway_token: secret(), gateway_password: secret(),
        expires_at: firstExpiry(cfg, Date.now(), rules?.maxMs), pool_workshop_id: rules ? null : opts.poolFor ?? null,
      });
      row = q.sandboxOf(participantId)!;
    }
    const current = row;
    const make = () => makeStack(deps, current, participantId, progress, opts.activity !== false);
    try {
      // Only new sandboxes queue for a slot; checking or repairing an existing one never waits.
      return await (fresh ? withMakeSlot(cfg.FAASLAB_PROVISION_CONCURRENCY, progress, make) : make());
    } catch (err) {
      q.setSandboxStatus(row.id, 'failed');
      throw err;
    }
  });
}

/** Make (or find, or repair) every Docker part of the sandbox in `row`, then mark it ready. */
async function makeStack(deps: SandboxDeps, row: SandboxRow, participantId: string, progress: (line: string) => void, activity: boolean): Promise<Sandbox> {
  const { q, cfg, engine, images } = deps;
  const instance = cfg.FAASLAB_PREFIX;
  const controlNetworkId = await ensureControlPlane(engine, instance, images);
  const networkId = await ensureOverlayNetwork(engine, {
    name: names.sandboxNetwork(instance, row.id), instance, internal: true,
    labels: ownedLabels(instance, 'sandbox-network', { [LABEL.sandbox]: row.id }),
  });
  const sandboxSubnets = await networkSubnets(engine, networkId);
  // The shell's home is the sandbox's; the participant's workspace points at it (files come along).
  const home = ensureHome(cfg.dataDir, row.id, cfg.FAASLAB_WORKSPACE_MB);
  if (!isPoolOwner(participantId)) attachWorkspace(cfg.dataDir, participantId, row.id, cfg.FAASLAB_WORKSPACE_MB);
  const secrets = await ensureGatewaySecrets(engine, instance, row.id, row.gateway_password);
  const [gatewayUrl] = await Promise.all([
    ensureGateway(engine, cfg, images, { sid: row.id, token: row.gateway_token, secrets, controlNetworkId, sandboxNetworkId: networkId, sandboxSubnets }, progress),
    ensureShell(engine, {
      instance, sid: row.id, image: images.shell, sandboxNetworkId: networkId, secrets,
      workspace: home,
    }, cfg.FAASLAB_DEPLOY_TIMEOUT_MS, progress),
  ]);
  if (row.status !== 'ready') q.setSandboxStatus(row.id, 'ready');
  if (activity) q.touchSandbox(row.id);
  return { id: row.id, instance, networkId, gatewayUrl, token: row.gateway_token, credentials: { user: GATEWAY_USER, password: row.gateway_password } };
}
