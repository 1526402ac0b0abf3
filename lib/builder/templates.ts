import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

/** The templates the platform ships, in OpenFaaS layout: templates/<lang>/{template.yml,Dockerfile,function/…}. */
export function templateDir(root: string, lang: string): string {
  const dir = path.join(root, 'templates');
  const available = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'template.yml'))).sort();
  if (!available.includes(lang)) {
    throw new AppError('invalid', `Unknown template "${String(lang).slice(0, 40)}".`, { hint: `Available templates: ${available.join(', ')}.` });
  }
  return path.join(dir, lang);
}
