import type { OpenedFile, TreeEntry } from '@/components/editor/files-client';
import { getJson } from '@/components/instructor/post-json';
import type { MemberTerminals } from '@/lib/room/member-terminals';

/** The room's read-only views of one member (lib/room/member-view.ts), from the browser. */
export function memberApi(workshopId: string, memberKey: string) {
  const base = `/api/instructor/workshops/${encodeURIComponent(workshopId)}/members/${encodeURIComponent(memberKey)}`;
  return {
    tree: () => getJson<{ entries: TreeEntry[]; truncated: boolean }>(`${base}/tree`),
    file: (path: string) => getJson<OpenedFile>(`${base}/file?path=${encodeURIComponent(path)}`),
    terminals: () => getJson<MemberTerminals>(`${base}/terminals`),
  };
}
