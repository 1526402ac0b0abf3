'use client';

import { TerminalView } from '@/components/terminal/TerminalView';
import type { OpenTerminal } from '@/components/terminal/open-terminal';

type Props = {
  names: string[];
  /** The Terminal tab is on show. */
  visible: boolean;
  active: string;
  onSelect: (name: string) => void;
  onAdd: () => void;
  onClose: (name: string) => void;
  onOpen: (name: string, term: OpenTerminal | null) => void;
};

/** The Terminal tab: the participant's terminals, each its own tmux session in their shell, all kept connected. */
export function TerminalsPane({ names, visible, active, onSelect, onAdd, onClose, onOpen }: Props) {
  return (
    <div className="terminals" aria-label="Terminals">
      <div className="tabs" role="tablist" aria-label="Terminals">
        {names.map((n) => (
          <div key={n} role="tab" aria-selected={n === active} className={`tab ${n === active ? 'active' : ''}`}>
            <button type="button" className="name" onClick={() => onSelect(n)}>Terminal {n}</button>
            {n !== '1' && <button type="button" className="close" aria-label={`Close terminal ${n}`} title="Close this terminal (ends what runs in it)" onClick={() => onClose(n)}>×</button>}
          </div>
        ))}
        {names.length < 8 && <button type="button" className="add" onClick={onAdd} aria-label="New terminal" title="New terminal: another shell in your sandbox">+</button>}
      </div>
      {names.map((n) => <TerminalView key={n} name={n} hidden={!visible || n !== active} onOpen={onOpen} />)}
    </div>
  );
}
