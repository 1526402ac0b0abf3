'use client';

import { useRouter } from 'next/navigation';
import { postJson } from './post-json';

export function LogoutButton() {
  const router = useRouter();
  return <button type="button" onClick={async () => { await postJson('/api/instructor/logout', {}); router.push('/instructor/login'); router.refresh(); }}>Log out</button>;
}
