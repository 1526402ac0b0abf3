/** @type {import('next').NextConfig} */
const nextConfig = {
  // dockerode pulls in ssh2's native addon, which must not be bundled; the others are
  // native (better-sqlite3) or large server-only tools (esbuild, mdx-bundler).
  serverExternalPackages: ['dockerode', 'ssh2', 'better-sqlite3', 'esbuild', 'mdx-bundler', 'pino'],
  // The custom server (server.ts) runs Next; this keeps `next build` from type-checking twice.
  typescript: { ignoreBuildErrors: false },
  poweredByHeader: false,
  // A Run sends the edited file (≤ 256 KiB) and a request body (≤ 1 MiB); the action
  // validates both with clear messages, so let them reach it.
  experimental: { serverActions: { bodySizeLimit: '2mb' } },
};

export default nextConfig;
