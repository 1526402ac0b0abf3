import { getMDXComponent } from 'mdx-bundler/client';
import { Note, Warning } from '@/components/ui/Callout';
import { GatewayCredentials } from './GatewayCredentials';
import { LessonCode, type LessonCodeProps } from './LessonCode';

/**
 * Render a compiled step with the lesson components, the only ones MDX content may use
 * (labs/README.md; lib/labs/content.test.ts holds the lessons to them). Every fenced code
 * block arrives as a <LessonCode> (lib/lessons/remark-lesson-code.ts), given the step's slugs
 * for its checks.
 */
export function LessonContent({ code, lab, step }: { code: string; lab: string; step: string }) {
  const Content = getMDXComponent(code);
  const components = {
    Note,
    Warning,
    GatewayCredentials,
    LessonCode: (props: Omit<LessonCodeProps, 'lab' | 'step'>) => <LessonCode {...props} lab={lab} step={step} />,
  };
  return <Content components={components as never} />;
}
