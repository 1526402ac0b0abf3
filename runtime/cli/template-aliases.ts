/**
 * Template names from the original workshop (Labs 1–3) that this platform has no template of
 * its own for. Stack files and commands copied from the workshop must work unchanged, so each
 * is either served by one of the platform's templates (an alias, with a one-line note saying
 * so) or refused with what to use instead. docs/emulation.md lists them.
 */
/** `listed`: shown by faas-cli new --list without a pull (python3-debian appears once pulled into ./template). */
export type Alias = { template: string; note: string; listed: boolean };
export type Refusal = { instead: string; why: string };

const ALIASES: Record<string, Alias> = {
  // The workshop's sample solutions (workshop@56d1f96 hello-openfaas.yml, astronaut-finder.yml).
  python: {
    template: 'python3',
    note: 'lang python is served by the python3 template here: the classic python template was Python 2.7 (end of life), and `def handle(req)` handlers run unchanged on Python 3',
    listed: true,
  },
  // Lab 3's custom template (faas-cli template pull https://github.com/openfaas-incubator/python3-debian).
  'python3-debian': {
    template: 'python3',
    note: 'lang python3-debian is served by the python3 template here: it is already built on Debian (bookworm), which is what python3-debian was for',
    listed: false,
  },
};

const REFUSED: Record<string, Refusal> = {
  // Lab 3's template store example: Express is not in the workshop's offline npm registry.
  'node10-express': {
    instead: 'node',
    why: 'it needs Node 10 and Express from the internet, and there is no internet here',
  },
};

/** The workshop's template repositories, by normalised URL, and the templates each gives here. */
const REPOSITORIES: Record<string, string[] | 'all'> = {
  'github.com/openfaas/templates': 'all',
  'github.com/openfaas-incubator/python3-debian': ['python3-debian'],
};

export function aliasOf(lang: string): Alias | null {
  return Object.hasOwn(ALIASES, lang) ? ALIASES[lang] : null;
}

export function refusalOf(lang: string): Refusal | null {
  return Object.hasOwn(REFUSED, lang) ? REFUSED[lang] : null;
}

export const listedAliases = (): string[] => Object.keys(ALIASES).filter((name) => ALIASES[name].listed);

/** The platform template that builds `lang`: itself, or the one its alias names. */
export const templateFor = (lang: string): string => aliasOf(lang)?.template ?? lang;

/** A git URL as faas-cli accepts it (https, ssh, with .git, a trailing slash or #ref), reduced to host/owner/name. */
export function normaliseRepository(url: string): string {
  return url.trim()
    .replace(/#.*$/, '')
    .replace(/^(git\+)?(https?|ssh|git):\/\/(git@)?/i, '')
    .replace(/^git@([^:]+):/i, '$1/')
    .replace(/\/+$/, '')
    .replace(/\.git$/i, '')
    .toLowerCase();
}

/** The templates a known workshop repository stands for ('all' = every platform template), or null. */
export function knownRepository(url: string): string[] | 'all' | null {
  const key = normaliseRepository(url);
  return Object.hasOwn(REPOSITORIES, key) ? REPOSITORIES[key] : null;
}
