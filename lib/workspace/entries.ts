import fs from 'node:fs';
import { AppError } from '../errors';
import { errno, inParent, openParent } from './beneath';
import { notFound } from './file-io';
import type { Workspace } from './files';
import { removeTree } from './remove-tree';

/**
 * Folders, renames and deletions asked for by the editor's file tree. Every path is checked by
 * pathParts and opened by beneath.ts (never through a link). A link as the last name is an
 * entry like any other: renamed or deleted as the link itself, never followed.
 */
const exists = (rel: string) => new AppError('conflict', `${rel} already exists; choose another name.`);

/** Make a folder (with its parents); it must not exist yet. */
export function makeFolder(ws: Workspace, rel: string): void {
  inParent(ws.root, rel, (dir, name) => {
    try {
      fs.mkdirSync(`${dir}/${name}`);
    } catch (err) {
      throw errno(err) === 'EEXIST' ? exists(rel) : err;
    }
  }, { create: true });
}

/** Rename or move `from` to `to`, which must not exist (a missing folder on the way to it is made). */
export function renameEntry(ws: Workspace, from: string, to: string): void {
  if (to === from || to.startsWith(`${from}/`)) throw new AppError('invalid', `${from} cannot be moved into itself.`);
  const src = openParent(ws.root, from);
  try {
    if (!src || !fs.lstatSync(`${src.dir}/${src.name}`, { throwIfNoEntry: false })) throw notFound(from);
    inParent(ws.root, to, (dir, name) => {
      if (fs.lstatSync(`${dir}/${name}`, { throwIfNoEntry: false })) throw exists(to);
      fs.renameSync(`${src.dir}/${src.name}`, `${dir}/${name}`);
    }, { create: true });
  } finally {
    src?.close();
  }
}

/** Delete a file, a link (the link alone) or a folder with all it holds; never the workspace itself. */
export async function deleteEntry(ws: Workspace, rel: string): Promise<void> {
  if (['', '.', '~', '/', './'].includes(rel)) throw new AppError('invalid', 'Your workspace itself cannot be deleted; delete what is in it.');
  const parent = openParent(ws.root, rel);
  if (!parent) throw notFound(rel);
  try {
    if (!(await removeTree(parent.dir, parent.name))) throw notFound(rel);
  } finally {
    parent.close();
  }
}
