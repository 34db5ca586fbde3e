/**
 * The workflow files, read the way GitHub reads them: through GitHub's own workflow parser
 * (@actions/workflow-parser, the parser of github.com/actions/languageservices), the called
 * workflows fetched as a `uses: ./...` job asks for them, and the form of `workflow_dispatch`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  convertWorkflowTemplate,
  isMapping,
  isNumber,
  isString,
  NoOperationTraceWriter,
  parseWorkflow,
  type WorkflowTemplate,
} from '@actions/workflow-parser';
import type { MappingToken, TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { REPOSITORY_ROOT } from '../../sandbox/action-runner.js';
import type { FormValue } from './dispatch-form.js';
import { StartupFailure } from './token-permissions.js';

export const WORKFLOWS = '.github/workflows';

/** The value under `key` of a mapping token, if there is one. */
export function child(mapping: TemplateToken | undefined, key: string): TemplateToken | undefined {
  return mapping && isMapping(mapping) ? mapping.find(key) : undefined;
}

export interface LoadedWorkflows {
  /** `.github/workflows/<file>`, as GitHub names the file in its errors. */
  file: string;
  template: WorkflowTemplate;
  root: MappingToken;
  /** Called workflows' roots, by the `uses:` path. */
  called: Map<string, MappingToken>;
}

async function workflowText(
  file: string,
  texts: Record<string, string> | undefined,
): Promise<string> {
  const name = path.posix.basename(file);
  return texts?.[name] ?? readFile(path.join(REPOSITORY_ROOT, WORKFLOWS, name), 'utf8');
}

function parseRoot(name: string, content: string): MappingToken {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0 || !parsed.value)
    throw new StartupFailure(`Invalid workflow file ${name}: ${errors.join('; ')}`);
  return parsed.value.assertMapping('workflow root');
}

/**
 * The form's workflow and the workflows it calls, read the way GitHub reads them: schema
 * errors, unknown or missing inputs and secrets of a call, fail the run before it starts
 * ("Invalid workflow file"). `texts` replaces files by name (mutation tests).
 */
export async function loadWorkflows(
  workflow: string,
  texts: Record<string, string> | undefined,
): Promise<LoadedWorkflows> {
  const file = `${WORKFLOWS}/${workflow}`;
  const content = await workflowText(workflow, texts);
  const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter());
  const called = new Map<string, MappingToken>();
  if (!parsed.value) throw new StartupFailure(`Invalid workflow file ${file}`);
  const template = await convertWorkflowTemplate(
    parsed.context,
    parsed.value,
    {
      getFileContent: async (ref) => {
        const calledFile = path.posix.normalize(ref.path);
        const text = await workflowText(calledFile, texts);
        called.set(calledFile, parseRoot(calledFile, text));
        return { name: calledFile, content: text };
      },
    },
    { fetchReusableWorkflowDepth: 1 },
  );
  const errors = (template.errors ?? []).map((error) => error.Message);
  if (errors.length > 0)
    throw new StartupFailure(`Invalid workflow file ${file}: ${errors.join('; ')}`);
  return { file, template, root: parsed.value.assertMapping('workflow root'), called };
}

export interface FormField {
  name: string;
  type: 'string' | 'choice' | 'boolean' | 'number' | 'environment';
  required: boolean;
  default?: FormValue;
  options?: string[];
}

/**
 * The form as the parser read it (`on.workflow_dispatch.inputs`). The parser 0.3.61 knows no
 * `number` type (its InputType enum lists string, choice, boolean, environment), so for such a
 * field it reports no type and drops the default: those two come from the field's own tokens.
 */
export function readForm(template: WorkflowTemplate, root: MappingToken): FormField[] {
  const inputs = template.events?.workflow_dispatch?.inputs ?? {};
  const raw = child(child(child(root, 'on'), 'workflow_dispatch'), 'inputs');
  return Object.entries(inputs).map(([name, input]) => {
    const tokens = child(raw, name);
    const rawType = child(tokens, 'type');
    const type = (input.type ??
      (rawType && isString(rawType) ? rawType.value : 'string')) as FormField['type'];
    const rawDefault = child(tokens, 'default');
    const fallback =
      input.default ?? (rawDefault && isNumber(rawDefault) ? rawDefault.value : undefined);
    return {
      name,
      type,
      required: input.required ?? false,
      ...(fallback === undefined ? {} : { default: fallback }),
      ...(input.options ? { options: input.options } : {}),
    };
  });
}

/** The form of `workflow` (in .github/workflows, or among `texts`) as the emulation reads it. */
export async function workflowForm(
  workflow = 'historical-sync.yml',
  texts?: Record<string, string>,
): Promise<FormField[]> {
  const loaded = await loadWorkflows(workflow, texts);
  return readForm(loaded.template, loaded.root);
}
