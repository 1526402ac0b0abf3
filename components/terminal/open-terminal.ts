import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import type { TerminalConnection } from './connect';

export type OpenTerminal = Pick<TerminalConnection, 'type'> & { focus: () => void; dispose: () => void };

/** An xterm in `host`, sized to it (and kept so), showing `connection` (which outlives it). */
export function openTerminal(host: HTMLElement, connection: TerminalConnection): OpenTerminal {
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
    fontSize: 14,
    // At a line height of 1 the DOM renderer clips glyphs that reach below the cell, and Linux's
    // usual monospace fonts (DejaVu Sans Mono) draw "_" there: underscores vanished, so
    // OPENFAAS_URL read "OPENFAAS URL" (xterm.js issue #4067). A little more height shows them.
    lineHeight: 1.2,
    theme: { background: '#0f172a', foreground: '#e2e8f0' },
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  term.open(host);
  if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit();
  // Fit on every size change of the panel (window resize, panel opened); a hidden panel has no size.
  const observer = new ResizeObserver(() => { if (host.clientWidth > 0 && host.clientHeight > 0) fit.fit(); });
  observer.observe(host);
  const detach = connection.attach(term);
  return {
    type: connection.type,
    focus: () => term.focus(),
    dispose: () => {
      observer.disconnect();
      detach();
      term.dispose();
    },
  };
}
