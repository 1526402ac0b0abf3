import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { execInShell } from '../../lib/sandbox/shell-exec';
import { helloOpenfaas } from '../../lib/stack/fixtures';
import { participantWorkspace } from '../../lib/workspace/participant';
import { participant, removeTestInstance, testContext } from './helpers';

// The stack-file commands of faas-cli (new, template, build, push, deploy, up) as a participant
// runs them in Lab 3: in their sandbox shell, in ~/lab3, against http://gateway:8080. Builds go
// through the gateway to the platform's builder; nothing in the shell has Docker.
let ctx: Awaited<ReturnType<typeof testContext>>;
let sb: Sandbox;
const pid = participant();
const sh = (cmd: string, stdin?: string) => execInShell(ctx.engine, ctx.prefix, sb.id, `cd ~/lab3 && ${cmd}`, { stdin });
const ws = () => participantWorkspace(ctx.cfg.dataDir, pid);

before(async () => {
  ctx = await testContext();
  sb = await ensureSandbox(ctx, pid);
  await execInShell(ctx.engine, ctx.prefix, sb.id, 'mkdir -p lab3');
});
after(() => removeTestInstance(ctx, [pid]));

const ok = (r: { code: number; stdout: string; stderr: string }) => assert.equal(r.code, 0, `${r.stdout}\n${r.stderr}`);

test('faas-cli help lists the stack commands; each has its own help', async () => {
  const r = await sh('faas-cli help');
  ok(r);
  for (const cmd of ['new', 'template', 'build', 'push', 'deploy', 'up']) assert.match(r.stdout, new RegExp(`\\n  ${cmd}\\b`), cmd);
  const build = await sh('faas-cli help build');
  ok(build);
  assert.match(build.stdout, /--parallel <depth>/);
  assert.match(build.stdout, /--shrinkwrap/);
});

test('Lab 3: template pull, new --list, new hello-openfaas, up, invoke; an edit and up again serves the new code', async () => {
  const pull = await sh('faas-cli template pull && ls template');
  ok(pull);
  assert.match(pull.stdout, /^Fetch templates from the platform: \/usr\/share\/faaslab\/templates\nFetched 4 template\(s\) : \[dockerfile node python3 python3-http\] from \/usr\/share\/faaslab\/templates\n/);
  const list = await sh('faas-cli new --list');
  assert.equal(list.stdout, 'Languages available as templates:\n- dockerfile\n- node\n- python\n- python3\n- python3-http\n\n');

  const created = await sh('faas-cli new --lang python3 hello-openfaas && ls hello-openfaas');
  ok(created);
  assert.match(created.stdout, /Folder: hello-openfaas created\.\n[\s\S]*Function created in folder: hello-openfaas\nStack file written: hello-openfaas\.yml\n/);
  assert.match(created.stdout, /__init__\.py\nhandler\.py\nrequirements\.txt\n$/);
  assert.equal(ws().read('lab3/hello-openfaas.yml'), helloOpenfaas);

  ws().write('lab3/hello-openfaas/handler.py', 'def handle(req):\n    return "Hello OpenFaaS"\n');
  const up = await sh('faas-cli up -f hello-openfaas.yml');
  ok(up);
  assert.match(up.stdout, /^\[0\] > Building hello-openfaas\.\nBuilding: hello-openfaas:latest with python3 template\. Please wait\.\.\n/);
  assert.match(up.stdout, /\nImage: hello-openfaas:latest built\.\n\[0\] < Building hello-openfaas done in \d+\.\d\ds\.\n\[0\] Worker done\.\n\nTotal build time: \d+\.\d\ds\n/);
  assert.match(up.stdout, /\nPush skipped for hello-openfaas: hello-openfaas:latest is already on the single machine/);
  assert.match(up.stdout, /\nDeploying: hello-openfaas\.\n\nDeployed\. 202 Accepted\.\nURL: http:\/\/gateway:8080\/function\/hello-openfaas\n/);

  const invoke = await sh('echo | faas-cli invoke hello-openfaas');
  ok(invoke);
  assert.equal(invoke.stdout, 'Hello OpenFaaS\n');
  assert.equal((await sh('curl -s http://gateway:8080/function/hello-openfaas')).stdout, 'Hello OpenFaaS\n');

  // "Try this": edit, up again (same image name, hello-openfaas:latest), invoke.
  ws().write('lab3/hello-openfaas/handler.py', 'def handle(req):\n    return "Hello again"\n');
  ok(await sh('faas-cli up -f hello-openfaas.yml'));
  assert.equal((await sh('echo | faas-cli invoke hello-openfaas')).stdout, 'Hello again\n');
});

test('--tag sha names the image after the Git commit; outside a Git repository it says so', async () => {
  const outside = await sh('faas-cli build -f hello-openfaas.yml --tag sha');
  assert.equal(outside.code, 1);
  assert.match(outside.stderr, /cannot tag image with Git SHA as \.\/hello-openfaas is not in a Git repository/);

  const r = await sh('git init -q && git add -A && git -c user.email=p@faaslab -c user.name=p commit -qm first && git rev-parse --short HEAD && faas-cli build -f hello-openfaas.yml --tag sha --quiet && faas-cli deploy -f hello-openfaas.yml --tag sha');
  ok(r);
  const sha = r.stdout.split('\n')[0];
  assert.match(r.stdout, new RegExp(`Image: hello-openfaas:latest-${sha} built\\.`));
  assert.doesNotMatch(r.stdout, /Step \d+\/\d+/, '--quiet hides the build log');
  assert.match(r.stdout, /Deployed\. 202 Accepted\./);
  assert.match((await sh('faas-cli describe hello-openfaas')).stdout, new RegExp(`^Image:\\s+hello-openfaas:latest-${sha}$`, 'm'));
});

test('two functions in one stack: --append, build --parallel=2 with [n] on every line, --filter, deploy both', async () => {
  ok(await sh('faas-cli new --lang python3 first -q && faas-cli new --lang python3 second --append=./first.yml -q && mv first.yml example.yml'));
  const parallel = await sh('faas-cli build -f example.yml --parallel=2');
  ok(parallel);
  const lines = parallel.stdout.split('\n');
  const body = lines.slice(0, lines.indexOf(''));
  assert.ok(body.every((l) => /^\[[01]\] /.test(l)), parallel.stdout);
  assert.ok(lines.includes('[0] > Building first.') || lines.includes('[1] > Building first.'), parallel.stdout);
  assert.ok(body.some((l) => /^\[\d\] Image: first:latest built\.$/.test(l)) && body.some((l) => /^\[\d\] Image: second:latest built\.$/.test(l)), parallel.stdout);
  assert.ok(lines.includes('[0] Worker done.') && lines.includes('[1] Worker done.'));

  const filtered = await sh('faas-cli build -f example.yml --filter=second');
  ok(filtered);
  assert.match(filtered.stdout, /Image: second:latest built\./);
  assert.doesNotMatch(filtered.stdout, /first/);

  ok(await sh('faas-cli deploy -f example.yml'));
  // The unchanged template returns the body ("one\n"), and print() adds a line break.
  assert.equal((await sh('echo one | faas-cli invoke first')).stdout, 'one\n\n');
  assert.equal((await sh('echo two | faas-cli invoke second')).stdout, 'two\n\n');
});

test("Lab 3's sorter: the dockerfile template with ENV fprocess=\"sort\", up, invoke; then fprocess in the stack file wins at deploy", async () => {
  ok(await sh('faas-cli new --lang dockerfile sorter -q && sed -i \'s/ENV fprocess="cat"/ENV fprocess="sort"/\' sorter/Dockerfile'));
  const up = await sh('faas-cli up -f sorter.yml');
  ok(up);
  assert.match(up.stdout, /Building: sorter:latest with dockerfile template/);
  const sorted = await sh('printf \'elephant\\nzebra\\nhorse\\naardvark\\nmonkey\\n\' | faas-cli invoke sorter');
  assert.equal(sorted.stdout, 'aardvark\nelephant\nhorse\nmonkey\nzebra\n');

  ws().write('lab3/sorter.yml', `${ws().read('lab3/sorter.yml') ?? ''}    fprocess: wc -l\n`);
  ok(await sh('faas-cli deploy -f sorter.yml'));
  assert.equal((await sh('printf \'elephant\\nzebra\\nhorse\\naardvark\\nmonkey\\n\' | faas-cli invoke sorter')).stdout.trim(), '5');
});

test('astronaut-finder style: requests from the offline index, ${DOCKER_USER:-development} in the image, build / push / deploy one at a time', async () => {
  ok(await sh('faas-cli new --lang python3 astronaut-finder -q'));
  ws().write('lab3/astronaut-finder/requirements.txt', 'requests\n');
  ws().write('lab3/astronaut-finder/handler.py', 'import requests\n\ndef handle(req):\n    return "requests " + requests.__version__\n');
  ws().write('lab3/astronaut-finder.yml', (ws().read('lab3/astronaut-finder.yml') ?? '').replace('image: astronaut-finder:latest', 'image: ${DOCKER_USER:-development}/astronaut-finder'));

  const build = await sh('faas-cli build -f astronaut-finder.yml');
  ok(build);
  assert.match(build.stdout, /Successfully installed .*requests-2\.\d+/);
  assert.match(build.stdout, /Image: development\/astronaut-finder:latest built\./);
  const push = await sh('faas-cli push -f astronaut-finder.yml');
  ok(push);
  assert.match(push.stdout, /^Push skipped for astronaut-finder: development\/astronaut-finder:latest is already on the single machine/);
  const deploy = await sh('faas-cli deploy -f astronaut-finder.yml');
  ok(deploy);
  assert.match(deploy.stdout, /^Deploying: astronaut-finder\.\n\nDeployed\. 202 Accepted\.\nURL: http:\/\/gateway:8080\/function\/astronaut-finder\n/);
  assert.match((await sh('echo | faas-cli invoke astronaut-finder')).stdout, /^requests 2\.\d+\.\d+\n$/);
});

test('-f takes a URL the sandbox can reach (here a function serving a stack file); skip_build functions deploy as they are', async () => {
  const served = 'version: 1.0\nprovider:\n  name: openfaas\nfunctions:\n  echoit:\n    skip_build: true\n    image: ghcr.io/openfaas/alpine:latest\n    fprocess: cat\n';
  ok(await sh('faas-cli new --lang python3 stackfile -q'));
  ws().write('lab3/stackfile/handler.py', `def handle(req):\n    return ${JSON.stringify(served)}\n`);
  ok(await sh('faas-cli up -f stackfile.yml --quiet'));

  const up = await sh('faas-cli up -f http://gateway:8080/function/stackfile');
  ok(up);
  assert.match(up.stdout, /^Skipping build of: echoit\.\n/);
  assert.match(up.stdout, /\nSkipping echoit\n/);
  assert.match(up.stdout, /\nDeploying: echoit\.\n\nDeployed\. 202 Accepted\.\n/);
  assert.equal((await sh('echo hi | faas-cli invoke echoit')).stdout, 'hi\n');

  // A stack file from an outside URL: outside.test.ts, against a stand-in for the internet.
});

test('malformed stack files: file:line:col, the problem and a hint; exit code 1; nothing is built', async () => {
  const header = 'version: 1.0\nprovider:\n  name: openfaas\n  gateway: http://gateway:8080\nfunctions:\n';
  ws().write('lab3/bad-yaml.yml', `${header}  hello-openfaas:\n    lang: python3\n    handler: ./hello-openfaas\n    image: hello-openfaas:latest\n     environment: {}\n`);
  ws().write('lab3/unknown.yml', `${header}  hello-openfaas:\n    lang: python3\n    handeler: ./hello-openfaas\n    image: hello-openfaas:latest\n`);
  ws().write('lab3/provider.yml', helloOpenfaas.replace('name: openfaas', 'name: faas'));

  const badYaml = await sh('faas-cli build -f bad-yaml.yml');
  assert.equal(badYaml.code, 1);
  assert.match(badYaml.stderr, /^Error: bad-yaml\.yml:9:\d+: bad indentation/);
  assert.equal(badYaml.stdout, '');

  const unknown = await sh('faas-cli up -f unknown.yml');
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /^Error: unknown\.yml:8:5: functions\.hello-openfaas\.handeler: unknown field "handeler"/);
  assert.match(unknown.stderr, /Did you mean "handler"\?/);

  const provider = await sh('faas-cli deploy -f provider.yml');
  assert.equal(provider.code, 1);
  assert.match(provider.stderr, /^Error: provider\.yml:3:\d+: provider\.name: \['openfaas'\] is the only valid "provider\.name" for the OpenFaaS CLI, but you gave: faas\n/);
});

test('a Python syntax error fails the build with the file and line, and up deploys nothing', async () => {
  ok(await sh('faas-cli new --lang python3 broken -q'));
  ws().write('lab3/broken/handler.py', 'def handle(req):\n    return "Hello\n');
  const r = await sh('faas-cli up -f broken.yml');
  assert.equal(r.code, 1);
  assert.match(r.stdout, /File "\.\/broken\/handler\.py", line 2/);
  assert.match(r.stdout, /\[0\] < Building broken failed in/);
  assert.doesNotMatch(r.stdout, /Deploying/);
  assert.match(r.stderr, /^Error: Errors received during build:\n- broken: SyntaxError in handler\.py line 2: /);
  assert.equal((await sh('faas-cli describe broken')).code, 1);
});
