'use client';

import { DiffEditor } from '@monaco-editor/react';
import { useState } from 'react';
import { languageOf } from './language';

type Props = {
  path: string;
  disk: string | null;
  mine: () => string;
  onReload: () => void;
  onKeepMine: () => void;
};

/** The file changed on disk while it was being edited: say so, and let the participant choose. */
export function ConflictBar({ path, disk, mine, onReload, onKeepMine }: Props) {
  const [compare, setCompare] = useState(false);
  return (
    <div className="conflict" role="alertdialog" aria-label={`${path} changed on disk`}>
      <p>
        <strong>{path.split('/').pop()} {disk === null ? 'was deleted on disk' : 'changed on disk'}</strong> (in the terminal, or another tab) since you opened it.
        Nothing was overwritten. Which version do you want?
      </p>
      <div className="choices">
        {disk !== null && <button type="button" onClick={onReload}>Reload from disk</button>}
        <button type="button" onClick={onKeepMine}>{disk === null ? 'Keep mine (save it again)' : 'Keep mine (overwrite)'}</button>
        {disk !== null && <button type="button" className="secondary" onClick={() => setCompare(!compare)} aria-expanded={compare}>{compare ? 'Hide comparison' : 'Compare'}</button>}
      </div>
      {compare && disk !== null && (
        <div className="compare" aria-label="Disk (left) and yours (right)">
          <div className="legend"><span>On disk</span><span>Yours</span></div>
          <DiffEditor height="260px" original={disk} modified={mine()} language={languageOf(path)} options={{ readOnly: true, renderSideBySide: true, minimap: { enabled: false } }} />
        </div>
      )}
    </div>
  );
}
