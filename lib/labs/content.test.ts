import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { newFunctionEntry, newStackText, appendedStackText } from '../../runtime/cli/new-function';
import { applyEdit, isEdit } from '../lessons/apply-edit';
import type { LessonBlock } from '../lessons/remark-lesson-code';
import { loadCatalogue } from './catalogue';
import { compileLesson } from './compile';
import type { StepInfo } from './schema';

// The lesson content shipped in labs/: every step loads and compiles (so every code block's
// action parses), uses only the components the renderer provides, and every editor action
// points at a file the participant really has at that moment. For that last part the test
// follows a workspace through Labs 1-3 in order: `faas-cli new` (with the real templates and
// stack-file writer), `mv`, `cd`, and the editor actions themselves.
const root = path.resolve(import.meta.dirname, '../..');
const labsDir = path.join(root, 'labs');
const KNOWN = new Set(['Note', 'Warning', 'GatewayCredentials', 'Check']);
// The tabs the workbench has today (components/workbench/Workbench.tsx); portal and dashboard are in the grammar for later.
const TABS_THAT_EXIST = new Set(['editor', 'terminal', 'portal', 'dashboard']);

const steps = () => loadCatalogue(labsDir).flatMap((lab) => lab.steps.map((step) => ({ lab, step })));
const withoutCode = (source: string) => source.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');

function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'), fs.readFileSync(path.join(e.parentPath, e.name), 'utf8'));
  }
  return out;
}

/** The participant's files as the lessons make them; paths relative to the workspace (~). */
class Workspace {
  files = new Map<string, string>();
  cwd = '';

  private resolve(p: string): string {
    const abs = p === '~' || p.startsWith('~/') ? p.slice(2) : this.cwd ? `${this.cwd}/${p}` : p;
    return path.posix.normalize(abs || '.').replace(/^\.$/, '').replace(/\/$/, '');
  }

  hasFolder(dir: string): boolean {
    return dir === '' || [...this.files.keys()].some((f) => f.startsWith(`${dir}/`));
  }

  /** The commands of a terminal block that change files or folders; the rest changes nothing here. */
  run(command: string, where: string): void {
    for (const simple of command.split('\n').flatMap((l) => l.split(/&&|;/))) {
      const words = simple.trim().split(/\s+/);
      if (words[0] === 'cd') this.cwd = this.resolve(words[1] ?? '~');
      if (words[0] === 'mv') {
        const [from, to] = [this.resolve(words[1]), this.resolve(words[2])];
        assert.ok(this.files.has(from), `${where}: mv ${words[1]}: no such file`);
        this.files.set(to, this.files.get(from)!);
        this.files.delete(from);
      }
      if (words[0] === 'faas-cli' && words[1] === 'new' && !words.includes('--list')) this.newFunction(words.slice(2), where);
    }
  }

  private newFunction(args: string[], where: string): void {
    const lang = args[args.indexOf('--lang') + 1];
    const name = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--lang');
    assert.ok(lang && name, `${where}: faas-cli new needs --lang and a name`);
    const template = path.join(root, 'templates', lang, 'function');
    assert.ok(fs.existsSync(template), `${where}: there is no ${lang} template`);
    const dir = this.resolve(name);
    assert.ok(!this.hasFolder(dir), `${where}: faas-cli new ${name}: the folder exists already`);
    for (const [rel, text] of filesUnder(template)) this.files.set(`${dir}/${rel}`, text);
    const entry = newFunctionEntry({ name, lang });
    const append = args.find((a) => a.startsWith('--append='))?.slice('--append='.length);
    if (append) {
      const file = this.resolve(append);
      this.files.set(file, appendedStackText(this.files.get(file) ?? '', append, name, entry));
    } else {
      this.files.set(`${dir}.yml`, newStackText('http://gateway:8080', name, entry));
    }
  }
}

function follow(ws: Workspace, step: StepInfo, lab: string, b: LessonBlock): void {
  const where = `${path.relative(root, step.dir)}/content.mdx:${b.line}`;
  const a = b.action;
  if (!a) return;
  if (a.kind === 'terminal:execute' || a.kind === 'check') {
    const syntax = spawnSync('bash', ['-n'], { input: a.kind === 'check' ? b.code : a.command, encoding: 'utf8' });
    assert.equal(syntax.status, 0, `${where}: not valid bash: ${syntax.stderr}`);
  }
  if (a.kind === 'terminal:execute') ws.run(a.command, where);
  if (a.kind === 'workbench:tab') assert.ok(TABS_THAT_EXIST.has(a.tab), `${where}: the workbench has no ${a.tab} tab yet`);
  if (!('file' in a)) return;
  if (lab === '03-functions') assert.ok(a.file.startsWith('lab3/'), `${where}: Lab 3 works in lab3/, not ${a.file}`);
  const current = ws.files.get(a.file) ?? null;
  if (a.kind === 'editor:open-file') {
    assert.ok(current !== null, `${where}: ${a.file} does not exist at this point of the labs`);
    const lines = current.split('\n');
    if (a.line) assert.ok(a.line <= lines.length, `${where}: ${a.file} has no line ${a.line}`);
    // a block shown with the file is (part of) that file, and holds the line it opens at
    if (b.code) assert.ok(current.includes(b.code), `${where}: the block is not what ${a.file} holds:\n${current}`);
    if (b.code && a.line) assert.ok(b.code.split('\n').includes(lines[a.line - 1]), `${where}: line ${a.line} of ${a.file} is "${lines[a.line - 1]}", not in the block`);
    return;
  }
  if (isEdit(a)) {
    assert.ok(ws.hasFolder(path.posix.dirname(a.file).replace(/^\.$/, '')), `${where}: the folder of ${a.file} does not exist at this point of the labs`);
    if (a.kind === 'editor:append-lines') assert.ok(current !== null, `${where}: ${a.file} does not exist to append to`);
    const r = applyEdit(current, a);
    assert.ok('text' in r, `${where}: ${'error' in r ? r.error : ''}:\n${current}`);
    ws.files.set(a.file, r.text);
  }
}

test('Labs 1-3 are all there, in order, with their steps', () => {
  const labs = loadCatalogue(labsDir);
  assert.deepEqual(labs.map((l) => l.slug), ['01-prepare', '02-test-things-out', '03-functions']);
  assert.ok(labs.every((l) => l.steps.length >= 3));
});

test('every step compiles, uses only known components, and leaves its title to the page', async () => {
  for (const { step } of steps()) {
    await compileLesson(step.dir);
    const prose = withoutCode(fs.readFileSync(path.join(step.dir, 'content.mdx'), 'utf8'));
    for (const [, name] of prose.matchAll(/<([A-Z][A-Za-z]*)/g)) assert.ok(KNOWN.has(name), `${step.dir}: unknown component <${name}>`);
    assert.doesNotMatch(prose, /^# /m, `${step.dir}: the page shows the step title as its h1; start with text or ## headings`);
  }
});

/** A step folder of its own beside labs/, removed after the test. */
function scratchStep(t: { after: (fn: () => void) => void }, mdx: string, checksYaml?: string): string {
  const dir = fs.mkdtempSync(path.join(labsDir, '..', '.content-test-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.writeFileSync(path.join(dir, 'content.mdx'), `---\ntitle: T\nsummary: S\n---\n\n${mdx}`);
  if (checksYaml !== undefined) fs.writeFileSync(path.join(dir, 'checks.yaml'), checksYaml);
  return dir;
}
const A_CHECK = '- id: hello-answers\n  title: hello answers\n  script: faas-cli invoke hello\n  hint: Deploy hello.\n';

test('a lesson with a block the grammar refuses does not compile, and says where and what to write', async (t) => {
  const dir = scratchStep(t, 'Text.\n\n```python editor:open-file file=/home/app/lab3/a.py\nx\n```\n\n<Check id="hello-answers" />\n', A_CHECK);
  await assert.rejects(compileLesson(dir), { message: `${path.relative(process.cwd(), dir)}/content.mdx:8: file=/home/app/lab3/a.py is not a workspace path: paths are relative to the workspace, which is the terminal's home folder, so write file=lab3/a.py.` });
});

test('a check written the old way, as a ```sh check block, is refused with where checks go now', async (t) => {
  const dir = scratchStep(t, '```sh check id=hello-answers\nfaas-cli list\n```\n\n<Check id="hello-answers" />\n', A_CHECK);
  await assert.rejects(compileLesson(dir), /content\.mdx:6: a check is no longer a code block: declare it in checks\.yaml/);
});

test('checks: one placed but not declared, declared but not placed, placed twice, inline, or no checks.yaml fail with the file and what to do', async (t) => {
  const rel = (dir: string, f: string) => `${path.relative(process.cwd(), dir)}/${f}`;
  const undeclared = scratchStep(t, '<Check id="hello-answers" />\n\n<Check id="hello-typo" />\n', A_CHECK);
  await assert.rejects(compileLesson(undeclared), { message: `${rel(undeclared, 'content.mdx')}:8: <Check id="hello-typo" /> is not declared in ${rel(undeclared, 'checks.yaml')}: declare it there (id, title, script, hint), or place one of hello-answers.` });
  const unplaced = scratchStep(t, 'Text only.\n', A_CHECK);
  await assert.rejects(compileLesson(unplaced), { message: `${rel(unplaced, 'content.mdx')}:1: check "hello-answers" of ${rel(unplaced, 'checks.yaml')} is not placed: put <Check id="hello-answers" /> where the step is done.` });
  const twice = scratchStep(t, '<Check id="hello-answers" />\n\n<Check id="hello-answers" />\n', A_CHECK);
  await assert.rejects(compileLesson(twice), /content\.mdx:8: <Check id="hello-answers" \/> is placed twice/);
  const inline = scratchStep(t, 'See <Check id="hello-answers" /> here.\n', A_CHECK);
  await assert.rejects(compileLesson(inline), /content\.mdx:6: <Check \/> is inside a paragraph: put it on a line of its own/);
  const extra = scratchStep(t, '<Check id="hello-answers" title="mine" />\n', A_CHECK);
  await assert.rejects(compileLesson(extra), /content\.mdx:6: <Check> takes one attribute, the id of a check in checks\.yaml, as a plain string/);
  const none = scratchStep(t, 'Text.\n');
  await assert.rejects(compileLesson(none), { message: `${rel(none, 'checks.yaml')}: missing: every step declares its checks in a checks.yaml beside content.mdx (labs/README.md, "Checks").` });
});

test('a bad checks.yaml fails the compile with the file and every reason', async (t) => {
  const rel = (dir: string) => `${path.relative(process.cwd(), dir)}/checks.yaml`;
  const cases: [string, string][] = [
    ['[]\n', '(the file): declares no check: every step has at least one'],
    ['- id: Hello_1\n  title: t\n  script: x\n  hint: h\n', '0.id: use lower-case letters, digits and single dashes (e.g. hello-answers)'],
    [`${A_CHECK}${A_CHECK}`, '1.id: "hello-answers" is declared twice: give each check of a step its own id'],
    ['- id: a\n  title: t\n  script: "  "\n  hint: h\n  state: cloud\n  extra: 1\n', "0.script: is empty: write the bash that tests the step (exit 0 when it passed); 0.state: Invalid option: expected one of \"sandbox\"|\"workspace\"; 0: Unrecognized key: \"extra\""],
    ['- id: a\n  title: t\n', '0.script: Invalid input: expected string, received undefined; 0.hint: Invalid input: expected string, received undefined'],
    ['- id: [\n', 'not valid YAML: '],
  ];
  for (const [yaml, reason] of cases) {
    const dir = scratchStep(t, '<Check id="a" />\n', yaml);
    await assert.rejects(compileLesson(dir), (err: Error) => {
      assert.ok(err.message.startsWith(`${rel(dir)}: ${reason}`), `${yaml}\n→ ${err.message}`);
      return true;
    });
  }
});

test('every action is plausible where it stands: commands are bash, editor targets exist, snapshots match', async () => {
  const ws = new Workspace();
  let runs = 0;
  for (const { lab, step } of steps()) {
    const where = path.relative(root, step.dir);
    for (const [rel, text] of filesUnder(path.join(step.dir, '_files'))) assert.equal(ws.files.get(rel), text, `${where}/_files/${rel}: not what the participant has when the step starts`);
    for (const b of (await compileLesson(step.dir)).blocks) {
      follow(ws, step, lab.slug, b);
      if (b.action?.kind === 'terminal:execute') runs++;
    }
    for (const [rel, text] of filesUnder(path.join(step.dir, '_solution'))) assert.equal(ws.files.get(rel), text, `${where}/_solution/${rel}: not what the step's actions make`);
  }
  assert.ok(runs > 40, `only ${runs} commands to run`);
  // what the labs leave behind: each function of Lab 3 with its stack file
  for (const f of ['hello-openfaas', 'astronaut-finder', 'greet-html', 'sorter']) assert.ok(ws.files.has(`lab3/${f}.yml`), f);
  assert.match(ws.files.get('lab3/astronaut-finder.yml')!, /image: \$\{DOCKER_USER:-development\}\/astronaut-finder\n {4}environment:\n {6}write_debug: true\n$/);
  assert.equal(ws.files.get('lab3/sorter/Dockerfile')!.match(/^ENV fprocess=.*$/m)?.[0], 'ENV fprocess="sort"');
});

test('every step declares at least one check in checks.yaml and places each one on its page', async () => {
  const ids: string[] = [];
  for (const { lab, step } of steps()) {
    const compiled = await compileLesson(step.dir);
    assert.ok(compiled.checks.size >= 1, `${step.dir}: no check`);
    const placed = compiled.blocks.flatMap((b) => (b.action?.kind === 'check' ? [b.action.id] : []));
    assert.deepEqual(placed.toSorted(), [...compiled.checks.keys()].toSorted(), `${step.dir}: placed and declared differ`);
    for (const id of compiled.checks.keys()) ids.push(`${lab.slug}/${step.slug}#${id}`);
  }
  assert.ok(ids.includes('03-functions/03-build-deploy-invoke#hello-answers'), ids.join(', '));
  assert.ok(ids.length >= steps().length);
});
