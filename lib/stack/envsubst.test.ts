import assert from 'node:assert/strict';
import { test } from 'node:test';
import { envsubst } from './envsubst';
import { StackError } from './errors';

const env = { DOCKER_USER: 'alice', EMPTY: '', GATEWAY: 'http://gateway:8080', PATH_NAME: '/home/bozo/ideas/thoughts.for.today', FILE: 'bash.string.txt' };

test('the Lab 3 image line uses the default until DOCKER_USER is set', () => {
  const line = 'image: ${DOCKER_USER:-development}/astronaut-finder';
  assert.equal(envsubst(line, {}), 'image: development/astronaut-finder');
  assert.equal(envsubst(line, { DOCKER_USER: 'functions' }), 'image: functions/astronaut-finder');
});

test('${VAR} is the value, or empty when unset', () => {
  assert.equal(envsubst('gateway: ${GATEWAY}', env), 'gateway: http://gateway:8080');
  assert.equal(envsubst('gateway: ${NOPE}', env), 'gateway: ');
});

test(':- and = use the default when unset or empty; - only when unset', () => {
  assert.equal(envsubst('${EMPTY:-d}|${EMPTY=d}|${EMPTY:=d}|${EMPTY-d}', env), 'd|d|d|');
  assert.equal(envsubst('${NOPE:-d}|${NOPE=d}|${NOPE-d}', env), 'd|d|d');
  assert.equal(envsubst('${DOCKER_USER:-d}|${DOCKER_USER-d}', env), 'alice|alice');
  assert.equal(envsubst('${NOPE:-}', env), '');
});

test('defaults may hold other variables and any text but }', () => {
  assert.equal(envsubst('${NOPE:-${DOCKER_USER}-suffix}', env), 'alice-suffix');
  assert.equal(envsubst('${NOPE:-prefix${NOPE2:-x}/y:z}', env), 'prefixx/y:z');
  assert.equal(envsubst('${NOPE:-http://127.0.0.1:8080}', env), 'http://127.0.0.1:8080');
});

test('$$ is a literal $, and $NAME without braces is left as it is (as faas-cli does)', () => {
  assert.equal(envsubst('$${DOCKER_USER}', env), '${DOCKER_USER}');
  assert.equal(envsubst('some text ${DOCKER_USER}$${var$${DOCKER_USER}$DOCKER_USER', env), 'some text alice${var${DOCKER_USER}$DOCKER_USER');
  assert.equal(envsubst("fprocess: sh -c 'echo $HOME costs $5'", { HOME: '/root' }), "fprocess: sh -c 'echo $HOME costs $5'");
  assert.equal(envsubst('a $ b $', env), 'a $ b $');
  assert.equal(envsubst('$$$$', env), '$$');
});

test('bareVariables also expands $NAME', () => {
  assert.equal(envsubst('echo $HOME/$NOPE. and $$HOME', { HOME: '/root' }, { bareVariables: true }), 'echo /root/. and $HOME');
});

test('drone/envsubst string operators', () => {
  const cases: [string, string][] = [
    ['${#DOCKER_USER}', '5'],
    ['${DOCKER_USER^}', 'Alice'],
    ['${DOCKER_USER^^}', 'ALICE'],
    ['${GATEWAY,,}', 'http://gateway:8080'],
    ['${PATH_NAME:11}', 'ideas/thoughts.for.today'],
    ['${PATH_NAME:11:5}', 'ideas'],
    ['${PATH_NAME:x}', '/home/bozo/ideas/thoughts.for.today'],
    ['${FILE#*.}', 'string.txt'],
    ['${FILE##*.}', 'txt'],
    ['${FILE%.*}', 'bash.string'],
    ['${FILE%%.*}', 'bash'],
    ['${PATH_NAME##*/}', 'thoughts.for.today'],
    ['${FILE/./-}', 'bash-string.txt'],
    ['${FILE//./-}', 'bash-string-txt'],
    ['${FILE/#bash/zsh}', 'zsh.string.txt'],
    ['${FILE/%txt/md}', 'bash.string.md'],
    ['${GATEWAY/\\/\\//}', 'http:gateway:8080'],
    ['${FILE/./}', 'bashstring.txt'],
  ];
  for (const [input, output] of cases) assert.equal(envsubst(input, env), output, input);
});

test('runs over the whole text, comments included, and keeps line breaks', () => {
  const text = '# gateway: ${GATEWAY}\nprovider:\n  gateway: ${GATEWAY}\n';
  assert.equal(envsubst(text, env), '# gateway: http://gateway:8080\nprovider:\n  gateway: http://gateway:8080\n');
});

function failure(text: string): StackError {
  try {
    envsubst(text, env, { file: 'astronaut-finder.yml' });
  } catch (err) {
    assert.ok(err instanceof StackError);
    return err;
  }
  assert.fail(`expected ${text} to fail`);
}

test('an unclosed ${ is a bad substitution at its line and column', () => {
  const err = failure('functions:\n  astronaut-finder:\n    image: ${DOCKER_USER:-development/astronaut-finder\n');
  assert.equal(String(err), 'astronaut-finder.yml:3:12: bad substitution "${DOCKER_USER:-development/astronaut-finder": no closing "}"');
  assert.equal(err.hint, 'Write ${NAME} or ${NAME:-default}; write $$ for a literal $, or turn substitution off (--envsubst=false).');
});

test('other bad substitutions say what is wrong', () => {
  assert.equal(failure('x: ${}').message, 'bad substitution "${}": expected a variable name after "${"');
  assert.equal(failure('x: ${ USER}').message, 'bad substitution "${ USER}": expected a variable name after "${"');
  assert.equal(failure('x: ${USER NAME}').message, 'bad substitution "${USER NAME}": unexpected " " after the variable name');
  assert.equal(failure('x: ${USER').message, 'bad substitution "${USER": no closing "}"');
  assert.equal(failure('x: ${').message, 'bad substitution "${": no closing "}"');
  assert.equal(failure('x: ${FILE/old}').message, 'bad substitution "${FILE/old}": expected /old/new');
});
