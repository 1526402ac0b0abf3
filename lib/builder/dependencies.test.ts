import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../errors';
import { explainDependencyFailure, listsRequirements, packageDependencies } from './dependencies';

const root = path.resolve(import.meta.dirname, '../..');
/** A minimal environment for the template scripts (no inherited PIP_/NPM_ variables). */
const env = (vars: Record<string, string>) => vars as unknown as NodeJS.ProcessEnv;

const requirementCases: [string, string, boolean][] = [
  ['empty', '', false],
  ['blank lines', '\n  \n\t\n', false],
  ['comments only', '# nothing yet\n   # indented comment\n', false],
  ['CRLF blank and comment', '\r\n# c\r\n', false],
  ['one package', 'requests\n', true],
  ['package after comments', '# http\n\nrequests==2.31.0', true],
  ['package with trailing comment', 'requests # for http\n', true],
  ['an option line counts', '-r other.txt\n', true],
];

test('a requirements.txt lists something only if a line is neither blank nor a comment', () => {
  for (const [name, text, expected] of requirementCases) assert.equal(listsRequirements(text), expected, name);
});

test("the templates' install script skips exactly the files listsRequirements says list nothing", () => {
  // Run the real install-requirements.sh with a stub python3 that records how pip was called.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-req-'));
  fs.writeFileSync(path.join(dir, 'python3'), '#!/bin/sh\necho "$@" >> "$(dirname "$0")/pip-calls"\n', { mode: 0o755 });
  const calls = () => (fs.existsSync(path.join(dir, 'pip-calls')) ? fs.readFileSync(path.join(dir, 'pip-calls'), 'utf8') : '');
  for (const lang of ['python3', 'python3-http']) {
    const script = path.join(root, 'templates', lang, 'install-requirements.sh');
    for (const [name, text, expected] of requirementCases) {
      fs.rmSync(path.join(dir, 'pip-calls'), { force: true });
      fs.writeFileSync(path.join(dir, 'req.txt'), text);
      const r = spawnSync('sh', [script, 'req.txt'], { cwd: dir, env: env({ PATH: `${dir}:/usr/bin:/bin` }), encoding: 'utf8' });
      assert.equal(r.status, 0, `${lang} ${name}: ${r.stderr}`);
      assert.equal(calls() !== '', expected, `${lang} ${name}`);
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('pip is pointed at PIP_INDEX_URL (trusting its host), or runs with --no-index without one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-req-'));
  fs.writeFileSync(path.join(dir, 'python3'), '#!/bin/sh\necho "$@" >> "$(dirname "$0")/pip-calls"\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'a.txt'), 'requests\n');
  fs.writeFileSync(path.join(dir, 'b.txt'), '# none\n');
  fs.writeFileSync(path.join(dir, 'c.txt'), 'six\n');
  const script = path.join(root, 'templates/python3/install-requirements.sh');
  const run = (vars: Record<string, string>) => {
    fs.rmSync(path.join(dir, 'pip-calls'), { force: true });
    const r = spawnSync('sh', [script, 'a.txt', 'b.txt', 'c.txt'], { cwd: dir, env: env({ PATH: `${dir}:/usr/bin:/bin`, ...vars }), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    return fs.readFileSync(path.join(dir, 'pip-calls'), 'utf8').trim().split('\n');
  };
  const withIndex = run({ PIP_INDEX_URL: 'http://pypi.workshop:3141/root/offline/+simple/' });
  assert.equal(withIndex.length, 1, 'one pip run for all files');
  assert.match(withIndex[0], /--target=\/home\/app\/python/);
  assert.match(withIndex[0], /--index-url http:\/\/pypi\.workshop:3141\/root\/offline\/\+simple\/ --trusted-host pypi\.workshop /);
  assert.match(withIndex[0], /-r a\.txt -r c\.txt$/);
  const without = run({});
  assert.match(without[0], /--no-index -r a\.txt -r c\.txt$/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test("the node template's install script skips a package.json without dependencies and needs a registry otherwise", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-npm-'));
  fs.mkdirSync(path.join(dir, 'fn'));
  fs.writeFileSync(path.join(dir, 'npm'), `#!/bin/sh\necho "$@" >> ${dir}/npm-calls\n`, { mode: 0o755 });
  const script = path.join(root, 'templates/node/install-dependencies.sh');
  const run = (pkg: string, vars: Record<string, string> = {}) => {
    fs.rmSync(path.join(dir, 'npm-calls'), { force: true });
    fs.writeFileSync(path.join(dir, 'fn/package.json'), pkg);
    const r = spawnSync('sh', [script, 'fn'], { cwd: dir, env: env({ PATH: `${dir}:${path.dirname(process.execPath)}:/usr/bin:/bin`, ...vars }), encoding: 'utf8' });
    return { status: r.status, out: r.stdout + r.stderr, npm: fs.existsSync(path.join(dir, 'npm-calls')) ? fs.readFileSync(path.join(dir, 'npm-calls'), 'utf8') : '' };
  };
  const none = run(fs.readFileSync(path.join(root, 'templates/node/function/package.json'), 'utf8'));
  assert.equal(none.status, 0, none.out);
  assert.match(none.out, /lists no dependencies/);
  assert.equal(none.npm, '');
  assert.ok(fs.existsSync(path.join(dir, 'fn/node_modules')), 'node_modules exists for the COPY --from');
  const noRegistry = run('{"dependencies": {"left-pad": "^1.3.0"}}');
  assert.equal(noRegistry.status, 1);
  assert.match(noRegistry.out, /Cannot install left-pad: no npm registry is configured/);
  const withRegistry = run('{"dependencies": {"left-pad": "^1.3.0"}}', { NPM_REGISTRY: 'http://npm.workshop:4873/' });
  assert.equal(withRegistry.status, 0, withRegistry.out);
  assert.match(withRegistry.npm, /^install --omit=dev .*--registry http:\/\/npm\.workshop:4873\//);
  const broken = run('{"dependencies": ');
  assert.equal(broken.status, 2);
  assert.match(broken.out, /not valid JSON/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('package.json dependencies are read, and a broken package.json is an invalid error naming the problem', () => {
  assert.deepEqual(packageDependencies('{"name": "fn"}'), []);
  assert.deepEqual(packageDependencies('{"dependencies": {"left-pad": "^1.3.0", "@scope/x": "1"}}'), ['left-pad', '@scope/x']);
  for (const bad of ['{"dependencies": ', '[]', '{"dependencies": ["left-pad"]}']) {
    assert.throws(() => packageDependencies(bad), (e: unknown) => e instanceof AppError && e.code === 'invalid' && /package\.json/.test(e.message), bad);
  }
});

test("a failed install is explained with pip's or npm's own words and the missing package", () => {
  const pip = explainDependencyFailure('Installing packages from http://idx/\nERROR: Could not find a version that satisfies the requirement nosuchpkg (from versions: none)\nERROR: No matching distribution found for nosuchpkg\n');
  assert.deepEqual(pip, { tool: 'pip', packageName: 'nosuchpkg', message: 'ERROR: No matching distribution found for nosuchpkg', noIndex: false });
  const coloured = explainDependencyFailure(' ---> Running in 3c3e\n\x1b[91mERROR: No matching distribution found for nosuchpkg\n\x1b[0m');
  assert.equal(coloured?.packageName, 'nosuchpkg', 'the builder colours stderr');
  const noIndex = explainDependencyFailure('No package index is configured (PIP_INDEX_URL is empty): pip runs with --no-index.\nERROR: No matching distribution found for requests\n');
  assert.equal(noIndex?.noIndex, true);
  const npm = explainDependencyFailure("npm ERR! code E404\nnpm ERR! 404 Not Found - GET http://reg/@scope%2fnosuch - Not found\nnpm ERR! 404 \nnpm ERR! 404  '@scope/nosuch@^1.0.0' is not in this registry.\n");
  assert.equal(npm?.tool, 'npm');
  assert.equal(npm?.packageName, '@scope/nosuch');
  assert.equal(explainDependencyFailure('Step 3/3 : RUN false\n'), null);
});

test("npm 10's report: the workshop registry's 404 text, a range no version satisfies, a registry without npm", () => {
  const missing = explainDependencyFailure([
    '\x1b[91mnpm error code E404',
    "\x1b[0m\x1b[91mnpm error 404 Not Found - GET http://172.17.0.1:47001/npm/faaslab-nope - faaslab-nope is not in this workshop's offline npm registry (it has: dayjs, ms)",
    'npm error 404',
    "npm error 404  'faaslab-nope@^1.0.0' is not in this registry.",
  ].join('\n'));
  assert.deepEqual(missing, { tool: 'npm', packageName: 'faaslab-nope', message: "faaslab-nope is not in this workshop's offline npm registry (it has: dayjs, ms)", noIndex: false });
  const plain404 = explainDependencyFailure("npm error code E404\nnpm error 404 Not Found - GET http://reg/x - Not found\nnpm error 404  'x@*' is not in this registry.\n");
  assert.equal(plain404?.message, "npm error 404  'x@*' is not in this registry.");
  const range = explainDependencyFailure('npm error code ETARGET\nnpm error notarget No matching version found for @scope/uuid@^9.0.0.\nnpm error notarget In most cases you or one of your dependencies are requesting\n');
  assert.deepEqual(range, { tool: 'npm', packageName: '@scope/uuid', message: 'No matching version found for @scope/uuid@^9.0.0.', noMatchingVersion: true, noIndex: false });
  const noNpm = explainDependencyFailure([
    'Fetching npm failed: http://172.17.0.1:47001/npm/ has no "npm" package (HTTP 404: npm is not in this workshop\'s offline npm registry, which is empty: the platform\'s set-up (npm start) fills it)',
    "Cannot install left-pad dayjs: npm could not be fetched from the workshop's npm registry (http://172.17.0.1:47001/npm/, see above).",
  ].join('\n'));
  assert.equal(noNpm?.packageName, 'left-pad');
  assert.equal(noNpm?.noIndex, true);
  assert.match(noNpm!.message, /^Cannot install left-pad dayjs: npm could not be fetched/);
});
