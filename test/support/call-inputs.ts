/**
 * What a job that calls a reusable workflow hands it: its `with:` values, checked against the
 * types the called workflow declares (rule (b) of the emulation), and its secrets.
 */
import { data } from '@actions/expressions';
import type { ReusableWorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import {
  asInputString,
  evaluateToken,
  fromExpressionData,
  type Contexts,
} from './github-expressions.js';
import { child } from './workflow-files.js';

/** The call's `with:` values do not fit the called workflow's types: the run fails before any job. */
export class CallInputsRefused extends Error {
  override name = 'CallInputsRefused';
}

/**
 * A value as the runner's template library writes it in "Unexpected value '…'": the literal's
 * ToString() (ObjectTemplating/Tokens in github.com/actions/runner, src/Sdk/WorkflowParser):
 * `true`/`false` (BooleanToken), the number in "G15" (NumberToken), empty for null.
 */
function literalText(value: data.ExpressionData): string {
  if (value.kind === data.Kind.Null) return '';
  if (value.kind === data.Kind.Boolean || value.kind === data.Kind.Number)
    return value.coerceString();
  if (value.kind === data.Kind.String) return value.coerceString();
  return JSON.stringify(fromExpressionData(value));
}

/**
 * A `with:` value checked against the declared type, as GitHub checks it: ConvertToWorkflowJobInputs
 * and ConvertToInputValueDefinedType (src/Sdk/WorkflowParser/Conversion/WorkflowTemplateConverter.cs
 * in github.com/actions/runner) evaluate the value against `boolean-needs-context`,
 * `number-needs-context` or `string-needs-context`, and TemplateEvaluator.Validate
 * (src/Sdk/WorkflowParser/ObjectTemplating/TemplateEvaluator.cs) accepts a literal of the
 * definition's own kind; a boolean or number given to a string definition "Not a string,
 * convert": it becomes its text; anything else is "Unexpected value '<literal>'". So:
 * - a string to a number (or boolean) input is refused. Users saw exactly this when a
 *   workflow_dispatch number (a string in `inputs`) was passed on: "The template is not valid.
 *   .github/workflows/stackhpc-multinode.yml (Line: 64, Col: 23): Unexpected value '60'"
 *   (stackhpc/stackhpc-kayobe-config#1239), actions/runner#2848, camunda/camunda#48475;
 * - a boolean or a number to a string input is accepted as its text ("even though boolean can
 *   be 'cast' to string, string cannot be 'cast' to boolean", a user's test in
 *   actions/runner#1483; the number case is the same branch of Validate);
 * - a number to a boolean input, or a boolean to a number input, is refused.
 * Returns the typed value, or the literal's text for the error.
 */
function checkedValue(
  type: string,
  value: data.ExpressionData,
): { value: unknown } | { unexpected: string } {
  const kind = value.kind;
  if (type === 'boolean')
    return value.kind === data.Kind.Boolean
      ? { value: value.value }
      : { unexpected: literalText(value) };
  if (type === 'number')
    return value.kind === data.Kind.Number
      ? { value: value.value }
      : { unexpected: literalText(value) };
  if (kind === data.Kind.Dictionary || kind === data.Kind.Array)
    return { unexpected: literalText(value) };
  return { value: value.coerceString() };
}

/**
 * Where GitHub points in its error: the caller's file, and the 1-based line and column where
 * the `with:` value starts ("(Line: 64, Col: 23)" is the value's first character in
 * stackhpc/stackhpc-kayobe-config#1239's `      break_duration: ${{ inputs.break_duration }}`).
 */
function position(file: string, token: TemplateToken): string {
  const start = token.range?.start;
  return `${file} (Line: ${start?.line ?? 0}, Col: ${start?.column ?? 0})`;
}

/** The value of a declared input left out: its default, else false, 0 or "" by type. */
function defaultValue(
  definition: TemplateToken,
  type: string,
  contexts: Contexts,
): data.ExpressionData {
  const fallback = child(definition, 'default');
  if (fallback) return evaluateToken(fallback, contexts);
  if (type === 'boolean') return new data.BooleanData(false);
  if (type === 'number') return new data.NumberData(0);
  return new data.StringData('');
}

/**
 * The called workflow's `inputs` context: each declared input typed as declared, its default
 * (or false, 0 or "" by type: GetDefaultValueByType in WorkflowTemplateConverter.cs) when not
 * passed. Every passed value is checked (checkedValue above); the errors of one call are
 * collected in the order the called workflow declares its inputs and joined with "," after
 * "The template is not valid. " (TemplateValidationException in ObjectTemplating), and the run
 * fails before any job starts (CallInputsRefused). `checked: false` takes values as they come
 * (the naive rule of emulation-rules.ts).
 */
export function callInputs(
  job: ReusableWorkflowJob,
  contexts: Contexts,
  callerFile: string,
  checked = true,
): Record<string, unknown> {
  const passed = new Map<string, { token: TemplateToken; value: data.ExpressionData }>();
  for (const pair of job['input-values'] ?? [])
    passed.set(pair.key.assertString('with key').value.toLowerCase(), {
      token: pair.value,
      value: evaluateToken(pair.value, contexts),
    });
  const result: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const pair of job['input-definitions'] ?? []) {
    const name = pair.key.assertString('input name').value;
    const type = child(pair.value, 'type')?.assertString('input type').value ?? 'string';
    const given = passed.get(name.toLowerCase());
    const value = given?.value ?? defaultValue(pair.value, type, contexts);
    if (!checked) {
      result[name] = fromExpressionData(value);
      continue;
    }
    const outcome = checkedValue(type, value);
    if ('value' in outcome) result[name] = outcome.value;
    else if (given)
      errors.push(`${position(callerFile, given.token)}: Unexpected value '${outcome.unexpected}'`);
  }
  if (errors.length > 0)
    throw new CallInputsRefused(`The template is not valid. ${errors.join(',')}`);
  return result;
}

/**
 * The called workflow's `secrets`: with `secrets: inherit`, every secret the caller can see;
 * otherwise only those passed by name, which the called workflow must declare under
 * `on.workflow_call.secrets` (the parser has refused any other: "Invalid secret, X is not
 * defined in the referenced workflow"). "If the secrets are inherited by using secrets: inherit
 * in the calling workflow, you can reference them even if they are not explicitly defined in
 * the on key" (docs.github.com/en/actions/how-tos/reuse-automations/reuse-workflows). A
 * secret the repository does not have evaluates to null, passed on as "".
 */
export function callSecrets(
  job: ReusableWorkflowJob,
  contexts: Contexts,
  secrets: Record<string, string>,
): Record<string, string> {
  if (job['inherit-secrets']) return { ...secrets };
  const result: Record<string, string> = {};
  for (const pair of job['secret-values'] ?? []) {
    const name = pair.key.assertString('secret name').value;
    result[name] = asInputString(evaluateToken(pair.value, contexts), `secrets.${name}`);
  }
  return result;
}
