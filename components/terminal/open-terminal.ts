import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import { connectTerminal, type TerminalConnection } from './connect';
import type { ConnectionStatus } from './status';

export type OpenTerminal = TerminalConnection & { focus: () => void };

/** An xterm in `host`, sized to it (and kept so), connected to terminal `name` of the participant's shell. */
export function openTerminal(host: HTMLElement, name: string, onStatus: (s: ConnectionStatus) => void): OpenTerminal {
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
  const connection = connectTerminal(term, name, onStatus);
  return {
    type: connection.type,
    focus: () => term.focus(),
    close: () => {
      observer.disconnect();
      connection.close();
      term.dispose();
    },
  };
}
