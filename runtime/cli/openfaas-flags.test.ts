import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Command, Option } from 'commander';
import { flagType } from './flags';
import { parseFlagTables, type DocFlag } from './flag-table';
import { parseGoDuration } from './go-flags';
import { program } from './main';

// Our faas-cli against faas-cli 0.17.6's flags as docs/reference/faas-cli-0.17.6.md records
// them: every flag of a command we have must be ours too, with the same short form, type and
// default; flags of ours that faas-cli does not have are listed below with the reason.

const DOC = fs.readFileSync(path.join(import.meta.dirname, '../../docs/reference/faas-cli-0.17.6.md'), 'utf8');
const tables = parseFlagTables(DOC);

/** faas-cli commands we do not have, and why. */
const NOT_OURS = new Map([
  ['generate', 'writes Kubernetes CRDs; the sandbox runs Docker Swarm'],
  ['publish', 'multi-arch builds with buildx; the platform builds for its one platform (up --publish is accepted)'],
  ['namespace get', 'the sandbox has one namespace, openfaas-fn: nothing to get, create, update or remove'],
  ['namespace create', 'as namespace get'],
  ['namespace update', 'as namespace get'],
  ['namespace remove', 'as namespace get'],
]);

/** Our flags that faas-cli's command does not have, and why we keep them. */
const OURS_ONLY = new Map([
  ['build --gateway', 'builds go to the platform\'s builder through the gateway, so build needs to know which'],
  ['template pull --envsubst', 'how "template pull stack" reads the stack file'],
]);

/** `template store describe` has only --url (a sentence in the doc, not a table). */
const PROSE: Record<string, DocFlag[]> = {
  'template store describe': [{ long: '--url', short: '-u', type: 'string', default: 'https://raw.githubusercontent.com/openfaas/store/master/templates.json' }],
};

/** What faas-cli's command has: the root's flags, its parent's persistent ones, its own. */
function expected(cmd: string): DocFlag[] {
  const all = [...tables.root, ...(tables.inherited.get(cmd) ?? []), ...(tables.commands.get(cmd) ?? []), ...(PROSE[cmd] ?? [])];
  return all.filter((f, i) => all.findIndex((g) => g.long === f.long) === i);
}

/** The doc's type column as a pflag type we can compare with ours. */
function docType(type: string): string {
  if (type === 'sA') return 'stringArray';
  // --tag's BuildFormat, and logs' -o (logformat) and --time-format (timeformat), are pflag
  // Values set from text: strings whose value the command checks. --since-time is a timestamp.
  if (/^string \(|^logformat$|^timeformat$/.test(type)) return 'string';
  return type.replace(/ \(.*\)$/, '');
}

/** The doc's default column as a value, for the type. */
function docDefault(cmd: string, f: DocFlag, type: string): unknown {
  // store list's --verbose is declared true, but template store list registers the same
  // variable again with false (§3.5 quirk): it behaves as false, and ours is false.
  if (cmd === 'store list' && f.long === '--verbose') return false;
  // --platform's default is an ldflag, empty in a build from source (the doc's binary).
  if (f.default.includes('empty in this build')) return '';
  const text = f.default.replace(/\s*\(.*\)$/, '').replace(/`/g, ''); // '"" (behaves as plain)', '2006-… (RFC3339)'
  if (type === 'bool') return text === 'true';
  if (type === 'int') return Number(text);
  if (type === 'duration') return parseGoDuration(text); // ours hold milliseconds
  if (type === 'stringArray') return text === '[]' ? [] : text;
  return text === '""' ? '' : text;
}

/** Our option's default as faas-cli would show it: no default is pflag's zero value. */
function ourDefault(o: Option, type: string): unknown {
  // commander's --no-cache is "cache, true unless given"; as a Go flag it is no-cache, false unless given.
  if (o.negate) return false;
  if (o.defaultValue !== undefined) return o.defaultValue;
  return type === 'bool' ? false : type === 'stringArray' ? [] : '';
}

/** Our command for a name like "secret create" or "store inspect" (names or aliases). */
function ours(name: string): Command | undefined {
  let cmd: Command | undefined = program();
  for (const word of name.split(' ')) cmd = cmd?.commands.find((c) => c.name() === word || c.aliases().includes(word));
  return cmd;
}

const commandNames = [...new Set([...tables.commands.keys(), ...tables.inherited.keys(), ...Object.keys(PROSE)])];

test('the doc\'s tables are read: every command has flags, and the ones we lack are the known ones', () => {
  assert.ok(tables.root.length === 3, 'the root\'s -f, --regex, --filter');
  assert.ok(commandNames.length > 25, `${commandNames.length} commands`);
  const missing = commandNames.filter((c) => !ours(c));
  assert.deepEqual(missing.sort(), [...NOT_OURS.keys()].sort());
});

for (const name of commandNames.filter((c) => !NOT_OURS.has(c))) {
  test(`faas-cli ${name}: faas-cli 0.17.6's flags, with the same short form, type and default`, () => {
    const cmd = ours(name)!;
    const mine = new Map(cmd.options.filter((o) => o.long).map((o) => [o.long!, o]));
    for (const f of expected(name)) {
      const o = mine.get(f.long);
      assert.ok(o, `${name} ${f.long} is missing`);
      assert.ok(!o.hidden, `${name} ${f.long} is hidden from --help`);
      const type = docType(f.type);
      assert.equal(o.short ?? '', f.short, `${name} ${f.long}: short form`);
      assert.equal(flagType(o), type, `${name} ${f.long}: type`);
      assert.deepEqual(ourDefault(o, type), docDefault(name, f, type), `${name} ${f.long}: default`);
    }
  });
}

test('our flags that faas-cli lacks are only the listed ones (and the hidden --no-x of Go booleans)', () => {
  const extra: string[] = [];
  for (const name of commandNames.filter((c) => !NOT_OURS.has(c))) {
    const theirs = new Set(expected(name).map((f) => f.long));
    for (const o of ours(name)!.options) {
      if (o.hidden && o.negate) continue; // --no-x, so that --x=false parses
      if (!theirs.has(o.long!)) extra.push(`${name} ${o.long}`);
    }
  }
  assert.deepEqual(extra.sort(), [...OURS_ONLY.keys()].sort());
});
