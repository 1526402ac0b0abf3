import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { declaredArgs } from '../docker/build';
import { AppError } from '../errors';
import { checkDockerfileImages, type ImagePolicy } from './base-images';

const platformImages = { BASE_IMAGE: 'faaslab-base:b1', PYTHON_IMAGE: 'faaslab-python:p1', NODE_IMAGE: 'faaslab-node:n1', WATCHDOG_IMAGE: 'faaslab-watchdog:w1' };
const policy: ImagePolicy = { platformImages, ownPrefixes: ['faaslab-sandboxaaa/', 'faaslab-sandboxaaa-'] };
/** The build args the engine gets: the platform's images (and the participant's), only those declared. */
const check = (dockerfile: string, participant: Record<string, string> = {}) =>
  checkDockerfileImages(dockerfile, declaredArgs(dockerfile, { ...participant, ...platformImages }), policy);

function refused(dockerfile: string, line: number, what: RegExp, participant: Record<string, string> = {}, hint = /\$\{PYTHON_IMAGE\}.*earlier stage.*your own sandbox/): void {
  assert.throws(() => check(dockerfile, participant), (err: unknown) => {
    assert.ok(err instanceof AppError, String(err));
    assert.equal(err.code, 'build_failed');
    assert.match(err.message, new RegExp(`^Dockerfile line ${line}: `));
    assert.match(err.message, what);
    assert.match(err.hint ?? '', hint);
    assert.equal(err.detail?.line, line);
    return true;
  });
}

test("every template's Dockerfile, and the dockerfile starter, pass", () => {
  const root = path.join(import.meta.dirname, '../../templates');
  for (const lang of fs.readdirSync(root)) {
    for (const file of ['Dockerfile', 'function/Dockerfile']) {
      const p = path.join(root, lang, file);
      if (fs.existsSync(p)) assert.deepEqual(check(fs.readFileSync(p, 'utf8')), { ownImages: [] }, p);
    }
  }
});

test('FROM another sandbox\'s image (or any image not the platform\'s) is refused, naming the line', () => {
  refused('FROM faaslab-sandboxbbb-victim:lz1\nRUN cat /home/app/function/handler.py\n', 1, /FROM faaslab-sandboxbbb-victim:lz1 is not an image/);
  refused('# mine\nARG PYTHON_IMAGE\nFROM ${PYTHON_IMAGE}\nFROM debian:bookworm\n', 4, /FROM debian:bookworm/);
  refused('FROM 474c11a4818c\n', 1, /not an image/); // an image id
});

test('a build arg or ARG default cannot smuggle another image into FROM', () => {
  refused('ARG IMG=faaslab-sandboxbbb-victim:lz1\nFROM $IMG\n', 2, /FROM \$IMG \(faaslab-sandboxbbb-victim:lz1\)/);
  refused('ARG IMG\nFROM ${IMG}\n', 2, /\(faaslab-sandboxbbb-victim:lz1\)/, { IMG: 'faaslab-sandboxbbb-victim:lz1' });
  // Instructions are case-insensitive, declaredArgs is not: the engine then uses this default.
  refused('arg PYTHON_IMAGE=faaslab-sandboxbbb-victim:lz1\nFROM ${PYTHON_IMAGE}\n', 2, /victim/);
  refused('ARG IMG="faaslab-python:p1"\nFROM $IMG\n', 2, /default of ARG IMG must be a plain image name/);
  refused('FROM ${PYTHON_IMAGE}\n', 1, /declare it with "ARG PYTHON_IMAGE" before the first FROM/);
  refused('ARG PYTHON_IMAGE\nFROM ${PYTHON_IMAGE:-faaslab-sandboxbbb-victim}\n', 2, /plain name or a \$\{NAME\} build arg/);
  refused('FROM "faaslab-sandboxbbb-victim:lz1"\n', 1, /plain name/);
});

test('the platform\'s images by name, through their args or through the participant\'s own arg holding one, pass', () => {
  assert.deepEqual(check('FROM faaslab-python:p1\n'), { ownImages: [] });
  assert.deepEqual(check('ARG WATCHDOG_IMAGE\nARG MINE=faaslab-base:b1\nFROM --platform=linux/amd64 $WATCHDOG_IMAGE as wd\nFROM ${MINE}\nCOPY --from=WD /fwatchdog /x\n'), { ownImages: [] });
  // The participant cannot override a platform arg: the platform's value wins before the check.
  assert.deepEqual(check('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n', { BASE_IMAGE: 'evil' }), { ownImages: [] });
});

test("the sandbox's own images pass and are returned for the caller to verify", () => {
  assert.deepEqual(check('FROM faaslab-sandboxaaa/hello\nCOPY --from=faaslab-sandboxaaa-fn:abc /a /b\n').ownImages, ['faaslab-sandboxaaa/hello:latest', 'faaslab-sandboxaaa-fn:abc']);
  refused('FROM faaslab-sandboxaaa/\n', 1, /not an image/);
});

test('COPY --from and RUN --mount=from: an earlier stage (by name or number) or an allowed image only', () => {
  refused('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY --from=faaslab-sandboxbbb-victim:lz1 /home/app /x\n', 3, /COPY --from=faaslab-sandboxbbb-victim:lz1 is not an image/);
  refused('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY --from=0 /a /b\n', 3, /no earlier stage number 0/);
  refused('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY --from=$X /a /b\n', 3, /without variables or quotes/);
  refused('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY --chown=app --from=x --from=faaslab-sandboxbbb-v /a /b\n', 3, /COPY --from=x is not/);
  refused('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN --mount=type=bind,target=/v,from=faaslab-sandboxbbb-v cat /v/x\n', 3, /RUN --mount=from=faaslab-sandboxbbb-v/);
  refused('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN --mount=\'type=bind,"from=faaslab-sandboxbbb-v"\' cat /v/x\n', 3, /without quotes/);
  assert.deepEqual(check('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nFROM ${BASE_IMAGE}\nCOPY --from=0 /a /b\nCOPY --from=faaslab-watchdog:w1 /fwatchdog /c\n'), { ownImages: [] });
});

test('instructions hidden by line tricks are still seen', () => {
  refused('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo \\\r\r\nFROM faaslab-sandboxbbb-v\n', 4, /not an image/);
  refused('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nRUN echo \\\n\uFEFF#x\nFROM faaslab-sandboxbbb-v\n', 5, /not an image/);
  refused('ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY --chown=\u0160--from=faaslab-sandboxbbb-v a b\n', 3, /COPY --from=faaslab-sandboxbbb-v/);
  refused('# syntax=x\n# escape=`\nFROM faaslab-base:b1\n', 2, /escape/, {}, /without it/);
  refused('FROM faaslab-base:b1 a\u017F x\n', 1, /FROM takes an image/);
});

test('ONBUILD, and ADD of anything that could be a URL, are refused', () => {
  refused('FROM faaslab-base:b1\nONBUILD COPY --from=faaslab-sandboxbbb-v / /x\n', 2, /ONBUILD is not allowed/, {}, /Write those instructions/);
  assert.throws(() => check('FROM faaslab-base:b1\nADD http://172.17.0.1:3000/x /x\n'), /line 2: ADD of a URL/);
  assert.throws(() => check('FROM faaslab-base:b1\nARG U\nADD $U /x\n'), /line 3: ADD of a URL/);
  assert.throws(() => check('FROM faaslab-base:b1\nADD ht"tp:"//h/x /x\n'), /ADD of a URL/);
  assert.deepEqual(check('FROM faaslab-base:b1\nADD --chown=app:app files.tar /srv/\n'), { ownImages: [] });
});
