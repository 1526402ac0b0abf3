import path from 'node:path';
import { currentParticipant } from '@/app/participant';
import { config } from '@/lib/config';
import { participantWorkspace } from '@/lib/workspace/participant';
import { FunctionRunnerClient } from './FunctionRunnerClient';

export type FunctionRunnerProps = { fn: string; lang: string; file?: string; input?: string };

/**
 * Server half of the lesson's runner: seeds the participant's workspace with the step's
 * starter files (never overwriting their edits) and hands the current file to the editor.
 */
export async function FunctionRunner({ fn, lang, file = 'handler.py', input = '', stepDir }: FunctionRunnerProps & { stepDir: string }) {
  const ws = participantWorkspace(config().dataDir, await currentParticipant());
  ws.seed(path.join(stepDir, '_files'));
  const content = ws.read(`${fn}/${file}`) ?? '';
  return <FunctionRunnerClient fn={fn} lang={lang} file={file} initialInput={input} initialContent={content} />;
}
