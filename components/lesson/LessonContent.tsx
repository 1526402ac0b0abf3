import { getMDXComponent } from 'mdx-bundler/client';
import { Note, Warning } from '@/components/ui/Callout';
import { Check, type CheckProps } from './Check';
import { GatewayCredentials } from './GatewayCredentials';
import { LessonCode } from './LessonCode';

/**
 * Render a compiled step with the lesson components, the only ones MDX content may use
 * (labs/README.md; lib/labs/content.test.ts holds the lessons to them). Every fenced code
 * block arrives as a <LessonCode>, and each <Check id /> with its title, hint and script from the
 * step's checks.yaml (lib/lessons/remark-lesson-code.ts); checks are given the step's slugs.
 */
export function LessonContent({ code, lab, step }: { code: string; lab: string; step: string }) {
  const Content = getMDXComponent(code);
  const components = {
    Note,
    Warning,
    GatewayCredentials,
    LessonCode,
    Check: (props: Omit<CheckProps, 'lab' | 'step'>) => <Check {...props} lab={lab} step={step} />,
  };
  return <Content components={components as never} />;
}
