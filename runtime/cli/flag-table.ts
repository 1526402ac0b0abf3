/**
 * Reads the flag tables of docs/reference/faas-cli-0.17.6.md (hand-recorded from faas-cli's
 * source): for each command, every flag faas-cli gives it, with its short form, pflag type and
 * default as the doc writes them. The doc is facts, so the test reads it rather than a copy.
 */
export type DocFlag = { long: string; short: string; type: string; default: string };
export type DocTables = {
  /** §1.1: the root's persistent flags, which every command has. */
  root: DocFlag[];
  /** §1.2: a parent's persistent flags, by the commands that inherit them. */
  inherited: Map<string, DocFlag[]>;
  /** §2: each command's own flags ("up" with build's, push's and deploy's added). */
  commands: Map<string, DocFlag[]>;
};

type Table = { header: string[]; rows: string[][] };

/** A table's cells; `\|` inside a cell is a pipe, not a border. */
const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));

function tables(lines: string[]): Table[] {
  const out: Table[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('|') || !/^\|[-| ]+\|$/.test(lines[i + 1] ?? '')) continue;
    const table: Table = { header: cells(lines[i]), rows: [] };
    for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) table.rows.push(cells(lines[i]));
    out.push(table);
  }
  return out;
}

/** The doc's sections: `### heading` and the lines under it, up to `## 3.` (behaviour notes, not flags). */
function sections(doc: string): { heading: string; lines: string[] }[] {
  const out: { heading: string; lines: string[] }[] = [];
  for (const line of doc.split('\n')) {
    if (/^## 3\./.test(line)) break;
    if (line.startsWith('### ')) out.push({ heading: line.slice(4).trim(), lines: [] });
    else out.at(-1)?.lines.push(line);
  }
  return out;
}

/** Text without `code` marks and (parenthesised notes). */
const plain = (text: string) => text.replace(/`/g, '').replace(/\s*\([^)]*\)/g, '').trim();

/** The command a section is about: "list (alias `ls`)" is list; "template pull (…) and template pull stack" is template pull. */
const commandOf = (heading: string) => plain(heading).split(/ and | \/ /)[0].trim();

/** A row's flags: "--a, --b" and "--x / --token(-k)" name several; a short form may follow a name in brackets. */
function flagsOf(cell: string, short: string): { long: string; short: string }[] {
  return [...cell.matchAll(/--([a-z0-9-]+)(?:\((-[a-zA-Z])\))?/g)].map((m, _i, all) => ({ long: `--${m[1]}`, short: m[2] ?? (all.length === 1 ? short : '') }));
}

/** The commands of a table's `cmd` cell: the section's command word goes first unless the cell names a whole command. */
function commandsOfCell(cell: string, heading: string): string[] {
  const prefix = commandOf(heading).split(' ')[0];
  const name = plain(cell);
  return [name === prefix || name.includes(' ') ? name : `${prefix} ${name}`];
}

/** "namespace list/get/create" and "store list/deploy/describe(inspect)": each command named. */
function inheritors(cell: string): string[] {
  const words = plain(cell).split(' ');
  const last = words.pop() ?? '';
  return last.split('/').map((sub) => [...words, sub].join(' '));
}

export function parseFlagTables(doc: string): DocTables {
  const result: DocTables = { root: [], inherited: new Map(), commands: new Map() };
  const add = (map: Map<string, DocFlag[]>, cmd: string, flag: DocFlag) => map.set(cmd, [...(map.get(cmd) ?? []), flag]);
  const includes: [string, string][] = [];
  let lastInheritors: string[] = [];

  for (const { heading, lines } of sections(doc)) {
    for (const { header, rows } of tables(lines)) {
      const col = (name: string) => header.indexOf(name);
      if (col('flag') < 0 || col('type') < 0 || col('default') < 0) continue;
      const seen = new Map<string, DocFlag>(); // rows saying "same" take the values of the flag's first row
      for (const row of rows) {
        const cell = (name: string) => (col(name) < 0 ? '' : row[col(name)]);
        if (cell('flag').startsWith('(inherits')) continue; // §1.2 has the parent's flags
        const included = /^\((\w+) flags\)$/.exec(cell('flag'));
        if (included) {
          includes.push([commandOf(heading), included[1]]);
          continue;
        }
        for (const { long, short } of flagsOf(cell('flag'), cell('short'))) {
          const first = seen.get(long);
          const same = !cell('type') && /^same/.test(cell('default'));
          const flag: DocFlag = same && first ? { ...first, short: short || first.short } : { long, short, type: cell('type'), default: cell('default') };
          if (!first) seen.set(long, flag);
          if (/^1\.1 /.test(heading)) result.root.push(flag);
          else if (/^1\.2 /.test(heading)) {
            if (!/^same/.test(cell('inherited by'))) lastInheritors = inheritors(cell('inherited by'));
            for (const cmd of lastInheritors) add(result.inherited, cmd, flag);
          } else {
            for (const cmd of col('cmd') < 0 ? [commandOf(heading)] : commandsOfCell(cell('cmd'), heading)) add(result.commands, cmd, flag);
          }
        }
      }
    }
  }
  // up takes build's, push's and deploy's flags, each name once (the first one wins).
  for (const [cmd, from] of includes) {
    for (const flag of result.commands.get(from) ?? []) {
      if (!result.commands.get(cmd)?.some((f) => f.long === flag.long)) add(result.commands, cmd, flag);
    }
  }
  return result;
}
