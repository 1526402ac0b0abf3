import { z } from 'zod';
import { isAllowedConstraint, refusedConstraint } from './placement';

/** OpenFaaS's FunctionDeployment (POST/PUT /system/functions), as faas-cli sends it. */
const resources = z.object({
  memory: z.string().regex(/^\d+(\.\d+)?\s*([KMG]i?|[kmg]|[KMG]B)?$/, 'memory like 128M, 128Mi or 1G').optional()
    .describe('Memory, e.g. 128M'),
  cpu: z.string().regex(/^\d+$/, 'cpu as integer NanoCPUs (e.g. 500000000 for half a core), as faas-swarm requires').optional()
    .describe('CPU in NanoCPUs'),
}).strip();

const stringMap = z.record(z.string(), z.string());

/** A sandbox has one namespace, OpenFaaS's default; a body naming another gets OpenFaaS CE's answer. */
export const NAMESPACE = 'openfaas-fn';
const namespace = z.string().refine((ns) => ns === '' || ns === NAMESPACE, { error: (issue) => `namespace ${String(issue.input)} is not allowed (this gateway has one namespace, ${NAMESPACE})` }).optional();

export const functionDeploymentSchema = z.object({
  service: z.string().min(1, 'service (the function name) is required'),
  image: z.string().min(1, 'image is required').max(255),
  envProcess: z.string().max(1024).optional(),
  envVars: stringMap.optional(),
  labels: stringMap.optional(),
  annotations: stringMap.optional(),
  constraints: z.array(z.string().max(200).refine(isAllowedConstraint, { error: (issue) => refusedConstraint(String(issue.input)) })).max(10).optional(),
  secrets: z.array(z.string()).optional(),
  limits: resources.optional(),
  requests: resources.optional(),
  readOnlyRootFilesystem: z.boolean().optional(),
  namespace,
  // Swarm-era fields faas-cli 0.12 still sends; accepted and ignored (the sandbox has one network).
  network: z.string().optional(),
  registryAuth: z.string().optional(),
});
export type FunctionDeploymentRequest = z.infer<typeof functionDeploymentSchema>;

export const scaleSchema = z.object({
  serviceName: z.string().optional(),
  replicas: z.number().int().min(0, 'replicas must be 0 or more'),
  namespace,
});

export const secretSchema = z.object({
  name: z.string().min(1, 'name is required'),
  value: z.string().optional(),
  rawValue: z.string().optional().describe('base64'),
  namespace,
}).refine((s) => s.value !== undefined || s.rawValue !== undefined, 'value or rawValue is required');

export const deleteSchema = z.object({ functionName: z.string().min(1, 'functionName is required'), namespace });

/** OpenFaaS's FunctionStatus (GET /system/functions, /system/function/{name}). */
export type FunctionStatus = {
  name: string;
  image: string;
  invocationCount: number;
  replicas: number;
  availableReplicas: number;
  envProcess: string;
  envVars: Record<string, string>;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  constraints: string[];
  limits?: { memory?: string; cpu?: string };
  requests?: { memory?: string; cpu?: string };
  readOnlyRootFilesystem: boolean;
  secrets: string[];
  namespace: string;
  createdAt?: string;
};
