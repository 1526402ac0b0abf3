/**
 * Where a function's tasks may run. OpenFaaS hands a deployment's `constraints` to Swarm as
 * given; here the Swarm is shared by a room of participants, so the platform's own placement
 * always applies and a participant may only add constraints that cannot take a task off the
 * nodes meant for sandboxes, or crowd a room onto one of them: the node's OS and CPU
 * architecture (what OpenFaaS's docs and stack files use), nothing that names a node, its role
 * or its labels.
 */

/** What the platform asks of every function task's node. */
export const PLATFORM_PLACEMENT = ['node.platform.os == linux'];

const ALLOWED = /^node\.platform\.(os|arch)\s*(==|!=)\s*[A-Za-z0-9_.-]+$/;

/** Whether a participant may ask for this constraint. */
export const isAllowedConstraint = (c: string) => ALLOWED.test(c.trim());

/** Why a constraint is refused, and what may be asked instead. */
export const refusedConstraint = (c: string) =>
  `constraint "${c}" is not allowed: the platform places functions on the nodes meant for sandboxes. A function may only ask for node.platform.os or node.platform.arch (e.g. "node.platform.os == linux"); remove the others from constraints in your stack file.`;

/** The constraints Swarm gets: the platform's, then the participant's own (already checked), without repeats. */
export function placementConstraints(own: string[] | undefined): string[] {
  const seen = new Set(PLATFORM_PLACEMENT.map((c) => c.replace(/\s+/g, '')));
  const extra = (own ?? []).map((c) => c.trim()).filter((c) => !seen.has(c.replace(/\s+/g, '')) && (seen.add(c.replace(/\s+/g, '')), true));
  return [...PLATFORM_PLACEMENT, ...extra];
}
