import { getMDXComponent } from 'mdx-bundler/client';
import { Note, Warning } from '@/components/ui/Callout';
import { FunctionRunner, type FunctionRunnerProps } from './FunctionRunner';

/** Render a compiled step with the lesson components (the only ones MDX content may use). */
export function LessonContent({ code, stepDir }: { code: string; stepDir: string }) {
  const Content = getMDXComponent(code);
  const components = {
    Note,
    Warning,
    FunctionRunner: (props: FunctionRunnerProps) => <FunctionRunner {...props} stepDir={stepDir} />,
  };
  return <Content components={components as never} />;
}
