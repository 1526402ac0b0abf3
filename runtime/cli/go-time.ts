/** Go's time.RFC3339 layout, faas-cli logs' default --time-format. */
export const RFC3339 = '2006-01-02T15:04:05Z07:00';

/** faas-cli's --time-format shortcuts (flags/time_format.go): Go's named layouts, any case. */
const SHORTCUTS: Record<string, string> = {
  ansic: 'Mon Jan _2 15:04:05 2006',
  unixdate: 'Mon Jan _2 15:04:05 MST 2006',
  rubydate: 'Mon Jan 02 15:04:05 -0700 2006',
  rfc822: '02 Jan 06 15:04 MST',
  rfc822z: '02 Jan 06 15:04 -0700',
  rfc850: 'Monday, 02-Jan-06 15:04:05 MST',
  rfc1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  rfc1123z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  rfc3339: RFC3339,
  rfc3339nano: '2006-01-02T15:04:05.999999999Z07:00',
};

/** A --time-format value as a Go layout: a shortcut's layout, else the value itself. */
export const timeLayout = (value: string) => SHORTCUTS[value.toLowerCase()] ?? value;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const two = (n: number) => String(n).padStart(2, '0');
/** Go's ".000" keeps every digit; ".999" drops trailing zeros (and the dot when nothing is left). */
const fraction = (digits: string, trim: boolean) => {
  const shown = trim ? digits.replace(/0+$/, '') : digits;
  return shown ? `.${shown}` : '';
};

/**
 * Format an RFC 3339 timestamp (always UTC here) with a Go time layout, as faas-cli's
 * --time-format does: the common layout elements (2006 01 02 15 04 05, Jan, Mon, PM, MST,
 * Z07:00, .000 / .999…) are understood; other text is copied.
 */
export function formatGoTime(timestamp: string, layout: string): string {
  const d = new Date(timestamp);
  if (Number.isNaN(d.getTime())) return timestamp;
  const nanos = (/\.(\d+)/.exec(timestamp)?.[1] ?? '').padEnd(9, '0').slice(0, 9);
  const hour12 = d.getUTCHours() % 12 || 12;
  const tokens: [RegExp, (m: string) => string][] = [
    [/^2006/, () => String(d.getUTCFullYear())],
    [/^January/, () => MONTHS[d.getUTCMonth()]],
    [/^Jan/, () => MONTHS[d.getUTCMonth()].slice(0, 3)],
    [/^Monday/, () => DAYS[d.getUTCDay()]],
    [/^Mon/, () => DAYS[d.getUTCDay()].slice(0, 3)],
    [/^MST/, () => 'UTC'],
    [/^Z07:00|^Z0700|^Z07/, () => 'Z'],
    [/^-07:00/, () => '+00:00'],
    [/^-0700/, () => '+0000'],
    [/^[.,](0+|9+)(?!\d)/, (m) => fraction(nanos.slice(0, m.length - 1), m[1] === '9')],
    [/^06/, () => two(d.getUTCFullYear() % 100)],
    [/^01/, () => two(d.getUTCMonth() + 1)],
    [/^02/, () => two(d.getUTCDate())],
    [/^_2/, () => String(d.getUTCDate()).padStart(2, ' ')],
    [/^15/, () => two(d.getUTCHours())],
    [/^03/, () => two(hour12)],
    [/^04/, () => two(d.getUTCMinutes())],
    [/^05/, () => two(d.getUTCSeconds())],
    [/^PM/, () => (d.getUTCHours() < 12 ? 'AM' : 'PM')],
    [/^pm/, () => (d.getUTCHours() < 12 ? 'am' : 'pm')],
    [/^1/, () => String(d.getUTCMonth() + 1)],
    [/^2/, () => String(d.getUTCDate())],
    [/^3/, () => String(hour12)],
    [/^4/, () => String(d.getUTCMinutes())],
    [/^5/, () => String(d.getUTCSeconds())],
  ];
  let out = '';
  let rest = layout;
  outer: while (rest) {
    for (const [re, fn] of tokens) {
      const m = re.exec(rest);
      if (m) {
        out += fn(m[0]);
        rest = rest.slice(m[0].length);
        continue outer;
      }
    }
    out += rest[0];
    rest = rest.slice(1);
  }
  return out;
}
