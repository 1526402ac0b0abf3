'use client';

import { CopyButton } from '@/components/lesson/LessonCode';

const LOOP = 'for i in $(seq 1 50); do echo hi | faas-cli invoke figlet; done';

/** No calls yet: what a newcomer types to see the charts move. */
export function EmptyState() {
  return (
    <aside className="callout dashboard-empty" role="note">
      <strong>No invocations yet.</strong> Invoke a function and watch the charts fill in. For example, deploy figlet from the
      store (<code>faas-cli store deploy figlet</code>), then run this in the Terminal tab:
      <pre><code>{LOOP}</code></pre>
      <CopyButton text={LOOP} />
    </aside>
  );
}

/** The participant has no sandbox yet, so nothing can be measured. */
export function NoSandbox() {
  return (
    <aside className="callout dashboard-empty" role="note">
      <strong>Your sandbox is not running yet.</strong> Open the Terminal tab (it starts your sandbox), deploy a function, for
      example <code>faas-cli store deploy figlet</code>, and invoke it: its calls appear here.
    </aside>
  );
}
