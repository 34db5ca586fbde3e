/**
 * `${{ }}` evaluated by GitHub's own expression engine (@actions/expressions, the engine of
 * github.com/actions/languageservices), over the tokens GitHub's workflow parser produced.
 * Which contexts and functions an expression may use is what the parser's schema allows at
 * that place (the token's `definitionInfo.allowedContext`, from workflow-v1.0.json): an
 * expression that names anything else fails here as it fails on GitHub.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import { splitAllowedContext } from '@actions/workflow-parser/templates/allowed-context';
import type { BasicExpressionToken } from '@actions/workflow-parser/templates/tokens/index';
import { parse as parseYaml } from 'yaml';

/** Plain values by context name: `{ github: {...}, inputs: {...}, secrets: {...} }`. */
export type Contexts = Record<string, unknown>;

/**
 * Where the job stands, for the status functions. "success(): Returns true when all previous
 * steps have succeeded"; "always(): Causes the step to always execute, and returns true, even
 * when canceled"; "failure(): Returns true when any previous step of a job fails"
 * (docs.github.com/en/actions/reference/workflows-and-actions/expressions#status-check-functions).
 */
export interface JobStatus {
  failed: boolean;
  cancelled: boolean;
}

const STATUS_FUNCTIONS: Record<string, (status: JobStatus) => boolean> = {
  success: (status) => !status.failed && !status.cancelled,
  failure: (status) => status.failed,
  cancelled: (status) => status.cancelled,
  always: () => true,
};

/** Plain JSON to the engine's values (its own reviver). */
export function toExpressionData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

/** The engine's values back to plain JSON. */
export function fromExpressionData(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown;
}

/**
 * Evaluates one expression (without `${{ }}`) with the contexts and functions `allowed`
 * names, e.g. `['github', 'inputs', 'always(0,0)']`.
 */
export function evaluateExpression(
  expression: string,
  allowed: readonly string[],
  contexts: Contexts,
  status: JobStatus = { failed: false, cancelled: false },
): data.ExpressionData {
  const { namedContexts, functions } = splitAllowedContext([...allowed]);
  const tree = new Parser(new Lexer(expression).lex().tokens, namedContexts, functions).parse();
  const available = new data.Dictionary(
    ...namedContexts.map((name) => ({ key: name, value: toExpressionData(contexts[name] ?? {}) })),
  );
  const implementations = new Map<string, FunctionDefinition>();
  for (const info of functions) {
    const name = info.name.toLowerCase();
    const status_ = STATUS_FUNCTIONS[name];
    implementations.set(name, {
      ...info,
      call: () => {
        if (!status_) throw new Error(`${info.name}() is not emulated`);
        return new data.BooleanData(status_(status));
      },
    });
  }
  return new Evaluator(tree, available, implementations).evaluate();
}

/**
 * A parsed token's value: literals as they are, `${{ }}` evaluated (a string with several
 * expressions is one `format()` expression after parsing), mappings and sequences throughout.
 */
export function evaluateToken(
  token: TemplateToken,
  contexts: Contexts,
  status?: JobStatus,
  /** For a token made without schema information (a default `if:`): what it may use. */
  fallbackAllowed: readonly string[] = [],
): data.ExpressionData {
  if (isBasicExpression(token)) {
    const known = token.definitionInfo?.allowedContext ?? [];
    const allowed = known.length > 0 ? known : fallbackAllowed;
    if (token.blockScalarHeader !== undefined)
      return evaluateTemplate(blockScalarValue(token), allowed, contexts, status);
    return evaluateExpression(token.expression, allowed, contexts, status);
  }
  if (isString(token)) return new data.StringData(token.value);
  if (isBoolean(token)) return new data.BooleanData(token.value);
  if (isNumber(token)) return new data.NumberData(token.value);
  if (isMapping(token)) {
    const result = new data.Dictionary();
    for (const pair of token)
      result.add(
        evaluateToken(pair.key, contexts, status).coerceString(),
        evaluateToken(pair.value, contexts, status),
      );
    return result;
  }
  if (isSequence(token)) {
    const result = new data.Array();
    for (let index = 0; index < token.count; index++)
      result.add(evaluateToken(token.get(index), contexts, status));
    return result;
  }
  return new data.Null();
}

/**
 * The YAML value of a block scalar (`run-name: >-`, `path: |`). For a multi-line token the
 * parser builds its `format()` over the raw source, indentation and line breaks included ("For
 * multi-line block scalars, use token.source directly because it makes position calculation
 * easier", parseScalar in @actions/workflow-parser's templates/template-reader.js): right for
 * an editor's positions, not for the value. GitHub evaluates the value YAML gives (folded or
 * literal, chomped), so the value is read again here from the source and its header.
 */
function blockScalarValue(token: BasicExpressionToken): string {
  const document = parseYaml(`value: ${token.blockScalarHeader}\n${token.source ?? ''}`) as {
    value: string;
  };
  return document.value;
}

/**
 * A string with `${{ }}` inside, evaluated as the parser would have made it: each expression's
 * value as a string in its place (what `format()` does), an expression ending at the first
 * `}}` outside a single-quoted string (parseScalar in templates/template-reader.js).
 */
function evaluateTemplate(
  value: string,
  allowed: readonly string[],
  contexts: Contexts,
  status?: JobStatus,
): data.ExpressionData {
  let result = '';
  let index = 0;
  for (;;) {
    const start = value.indexOf('${{', index);
    if (start < 0) return new data.StringData(result + value.slice(index));
    result += value.slice(index, start);
    let inString = false;
    let end = -1;
    for (let at = start + 3; at < value.length; at++) {
      if (value[at] === "'") inString = !inString;
      else if (!inString && value[at] === '}' && value[at - 1] === '}') {
        end = at;
        break;
      }
    }
    if (end < 0) throw new Error(`the expression is not closed: ${value.slice(start)}`);
    const expression = value.slice(start + 3, end - 1).trim();
    result += evaluateExpression(expression, allowed, contexts, status).coerceString();
    index = end + 1;
  }
}

/**
 * A value as the runner hands it to a step: a string ("true", "0", "" for null). Objects and
 * arrays cannot be inputs; GitHub fails the step, so this throws.
 */
export function asInputString(value: data.ExpressionData, what: string): string {
  if (value.kind === data.Kind.Dictionary || value.kind === data.Kind.Array)
    throw new Error(`${what}: an object or array is not a valid input value`);
  return value.coerceString();
}

/** Whether a condition's value counts as true: the engine's own truthiness. */
export { truthy } from '@actions/expressions/result';
