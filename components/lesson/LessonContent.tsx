import { getMDXComponent } from 'mdx-bundler/client';
import { Note, Warning } from '@/components/ui/Callout';
import { FunctionRunner, type FunctionRunnerProps } from './FunctionRunner';
import { GatewayCredentials } from './GatewayCredentials';

/** Render a compiled step with the lesson components (the only ones MDX content may use). */
export function LessonContent({ code, stepDir }: { code: string; stepDir: string }) {
  const Content = getMDXComponent(code);
  const components = {
    Note,
    Warning,
    GatewayCredentials,
    FunctionRunner: (props: FunctionRunnerProps) => <FunctionRunner {...props} stepDir={stepDir} />,
  };
  return <Content components={components as never} />;
}
