import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import YAML from 'yaml';

/**
 * Validators for the schemas of OpenFaaS's own OpenAPI spec (test/fixtures: openfaas/faas
 * api-docs/spec.openapi.yml @5f0fa69, MIT): contract tests check our gateway's answers
 * against them, so an ordinary OpenFaaS client can rely on the shapes.
 */
const specFile = path.resolve(import.meta.dirname, '../fixtures/openfaas-gateway-openapi.yml');

export function openApiValidator(): (schema: string, value: unknown) => string[] {
  const spec = YAML.parse(fs.readFileSync(specFile, 'utf8'));
  // OpenAPI 3.0's `nullable` is not JSON Schema: turn it into a type union before compiling.
  const fix = (node: any): any => {
    if (Array.isArray(node)) return node.map(fix);
    if (!node || typeof node !== 'object') return node;
    const out: any = Object.fromEntries(Object.entries(node).filter(([k]) => k !== 'example').map(([k, v]) => [k, fix(v)]));
    if (out.nullable) { delete out.nullable; return { anyOf: [out, { type: 'null' }] }; }
    return out;
  };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'openfaas', components: fix(spec.components) });
  return (schema, value) => {
    const validate = ajv.getSchema(`openfaas#/components/schemas/${schema}`);
    if (!validate) throw new Error(`no schema ${schema}`);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`);
  };
}
