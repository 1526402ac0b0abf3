/** The stack.yml format, shared by the web app and the TypeScript faas-cli. */
export { StackError, type StackErrorInit } from './errors';
export { envsubst, type Env, type EnvsubstOptions } from './envsubst';
export {
  stackSchema, functionSchema, functionNameSchema, FUNCTION_NAME_RULE,
  type Stack, type StackFunction, type StackProvider, type FunctionResources, type StackConfiguration,
} from './schema';
export { parseStack, validateStack, type ParseStackOptions } from './parse';
export { loadEnvironmentFiles, type ReadFile } from './environment-files';
export { filterFunctions, type FunctionFilter } from './filter';
export { stringifyStack, appendFunction, type StackInput } from './stringify';
export { functionDeployment, type FunctionDeploymentRequest, type DeploymentOverrides } from './deployment';
