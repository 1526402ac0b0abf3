/**
 * A browser event saying the participant's sandbox may have changed (the terminal or a Run just
 * made or used one), so the header shows it at once instead of at its next poll.
 */
const SANDBOX_CHANGED = 'faaslab:sandbox-changed';

export const announceSandboxChange = () => window.dispatchEvent(new Event(SANDBOX_CHANGED));

export function onSandboxChange(listener: () => void): () => void {
  window.addEventListener(SANDBOX_CHANGED, listener);
  return () => window.removeEventListener(SANDBOX_CHANGED, listener);
}
