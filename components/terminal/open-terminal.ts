import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { connectTerminal } from './connect';
import type { ConnectionStatus } from './status';

/** An xterm in `host`, sized to it (and kept so), connected to the participant's shell. */
export function openTerminal(host: HTMLElement, onStatus: (s: ConnectionStatus) => void): () => void {
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
    fontSize: 14,
    theme: { background: '#0f172a', foreground: '#e2e8f0' },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  // Fit on every size change of the panel (window resize, panel opened); a hidden panel has no size.
  const observer = new ResizeObserver(() => { if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit(); });
  observer.observe(host);
  const disconnect = connectTerminal(term, onStatus);
  return () => {
    observer.disconnect();
    disconnect();
    term.dispose();
  };
}
