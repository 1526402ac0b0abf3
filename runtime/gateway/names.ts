/** Function names as the platform accepts them: DNS labels (they are DNS names on the sandbox network). */
const FUNCTION_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const FUNCTION_NAME_RULE = "lowercase letters, digits and '-', starting and ending with a letter or digit";

export function isValidFunctionName(name: string): boolean {
  return name.length <= 63 && FUNCTION_NAME.test(name);
}

const ROUTES = {
  function: /^\/function\/([^/?]+)(\/[^?]*)?(\?.*)?$/,
  'async-function': /^\/async-function\/([^/?]+)(\/[^?]*)?(\?.*)?$/,
};

/** Split `/function/<name>[/rest][?query]` (or `/async-function/…`) into its parts, or null when the path is not such a route. */
export function parseFunctionPath(url: string, route: keyof typeof ROUTES = 'function'): { name: string; rest: string } | null {
  const m = ROUTES[route].exec(url);
  if (!m) return null;
  return { name: decodeURIComponent(m[1]), rest: (m[2] ?? '/') + (m[3] ?? '') };
}
