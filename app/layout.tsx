import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SandboxBar } from '@/components/sandbox/SandboxBar';
import { NoticeBanner } from '@/components/workshop/NoticeBanner';
import { WorkshopBadge } from '@/components/workshop/WorkshopBadge';
import './globals.css';

export const metadata: Metadata = {
  title: 'FaaS Lab — the OpenFaaS workshop, live',
  description: 'Labs 1–3 of the OpenFaaS workshop with a real, private function stack for every participant.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="site">
          <Link href="/" className="brand">FaaS Lab</Link>
          <span className="muted">The OpenFaaS workshop, Labs 1–3, on your own live stack</span>
          <WorkshopBadge />
          <SandboxBar />
        </header>
        <NoticeBanner />
        <main>{children}</main>
      </body>
    </html>
  );
}
