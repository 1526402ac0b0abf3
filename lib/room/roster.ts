import type { CheckResultRow, SandboxRow, StepVisitRow } from '../db/queries';
import type { WorkshopMemberRow } from '../db/workshop-queries';
import type { LabInfo } from '../labs/schema';
import type { StepCheck } from '../progress/step-checks';
import { stepKey, summarise } from '../progress/summary';
import { lifetime, type LifetimeConfig } from '../sandbox/lifetime';
import { stuckReasons, type FailingCheck } from './stuck';

export type SandboxState = 'none' | 'creating' | 'ready' | 'failed' | 'removing';

/** One participant as the instructor's roster shows them. */
export type RosterMember = {
  key: string;
  displayName: string;
  joinedAt: number;
  /** The step they opened last (in the session's labs), or null before any. */
  current: { lab: string; step: string; label: string; href: string; at: number } | null;
  labs: { lab: string; number: number; title: string; checksPassed: number; checksTotal: number; stepsDone: number; stepsTotal: number }[];
  sandbox: { state: SandboxState; remainingMs: number | null; endsAt: number | null; reason: 'idle' | 'limit' | null };
  /** The latest thing they did: a step opened, a check run, their sandbox used, or joining. */
  lastActivityAt: number;
  /** Why they look stuck (empty: they do not). */
  stuck: string[];
};

export type MemberData = {
  member: WorkshopMemberRow;
  key: string;
  results: CheckResultRow[];
  visits: StepVisitRow[];
  sandbox: SandboxRow | undefined;
};

/** A step's check, with the title its lesson shows (what the instructor reads, rather than its id). */
export type RosterCheck = StepCheck & { title?: string };

export type RosterContext = {
  /** The session's labs, in its order. */
  labs: LabInfo[];
  checks: ReadonlyMap<string, RosterCheck[]>;
  lifetime: LifetimeConfig;
  startsAt: number;
  live: boolean;
  now: number;
};

const max = (...xs: (number | null | undefined)[]) => Math.max(...xs.filter((x): x is number => typeof x === 'number'));

/** A member's roster row, from what the database holds of them (pure). */
export function rosterMember(d: MemberData, c: RosterContext): RosterMember {
  const inSession = (lab: string) => c.labs.some((l) => l.slug === lab);
  const results = d.results.filter((r) => inSession(r.lab));
  const visits = d.visits.filter((v) => inSession(v.lab));
  const progress = summarise({ catalogue: c.labs, checks: c.checks, results, visits, currentSandbox: d.sandbox?.id ?? null });
  const steps = progress.labs.flatMap((l) => l.steps.map((s) => ({ lab: l, s })));
  const where = (lab: string, step: string) => {
    const found = steps.find((x) => x.s.lab === lab && x.s.step === step);
    return found ? `Lab ${found.lab.number}, step ${found.s.number}` : `${lab}/${step}`;
  };
  const latest = visits[0];
  const currentStep = latest && steps.find((x) => x.s.lab === latest.lab && x.s.step === latest.step);
  const declared = (r: CheckResultRow) => (c.checks.get(stepKey(r.lab, r.step)) ?? []).find((k) => k.id === r.check_id);
  const failing: FailingCheck[] = results.filter((r) => !r.passed && declared(r))
    .map((r) => ({ lab: r.lab, step: r.step, check: declared(r)?.title ?? r.check_id, fails: r.fails_in_row, where: where(r.lab, r.step) }));
  const lastProgressAt = max(d.member.joined_at, c.startsAt, latest?.at, ...results.map((r) => r.passed_at));
  const life = d.sandbox ? lifetime(d.sandbox, c.lifetime, c.now) : null;
  return {
    key: d.key,
    displayName: d.member.display_name,
    joinedAt: d.member.joined_at,
    current: currentStep ? { lab: latest.lab, step: latest.step, label: `Lab ${currentStep.lab.number} · ${currentStep.s.number}. ${currentStep.s.title}`, href: currentStep.s.href, at: latest.at } : null,
    labs: progress.labs.map((l) => ({
      lab: l.lab, number: l.number, title: l.title, stepsDone: l.stepsDone, stepsTotal: l.stepsTotal,
      checksPassed: l.steps.reduce((n, s) => n + s.checksPassed, 0), checksTotal: l.steps.reduce((n, s) => n + s.checksTotal, 0),
    })),
    sandbox: d.sandbox && life
      ? { state: d.sandbox.status, remainingMs: life.remainingMs, endsAt: life.endsAt, reason: life.reason }
      : { state: 'none', remainingMs: null, endsAt: null, reason: null },
    lastActivityAt: max(d.member.joined_at, latest?.at, ...results.map((r) => r.at), d.sandbox?.last_active_at),
    stuck: stuckReasons({ live: c.live, now: c.now, lastProgressAt, failing }),
  };
}
