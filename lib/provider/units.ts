/** Memory strings as OpenFaaS accepts them (docker/go-units RAMInBytes: 128M = 128 MiB) → bytes. */
export function memoryBytes(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG])?(i|B)?$/i.exec(value.trim());
  if (!m) throw new Error(`invalid memory "${value}"`);
  const unit = { K: 2 ** 10, M: 2 ** 20, G: 2 ** 30 }[(m[2] ?? '').toUpperCase() as 'K' | 'M' | 'G'] ?? 1;
  return Math.round(Number(m[1]) * unit);
}

/** Bytes → the short form faas-cli shows (e.g. 128M). */
export function formatMemory(bytes: number): string {
  if (bytes % 2 ** 30 === 0) return `${bytes / 2 ** 30}G`;
  if (bytes % 2 ** 20 === 0) return `${bytes / 2 ** 20}M`;
  if (bytes % 2 ** 10 === 0) return `${bytes / 2 ** 10}K`;
  return String(bytes);
}
