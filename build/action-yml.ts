import { parse } from 'yaml';
import { wrapped } from '../src/cli/cli-arguments.js';
import { INPUT_SPECS } from '../src/settings/inputs.js';

/**
 * action.yml's `inputs:` block, written from the inputs table (src/settings/inputs.ts): GitHub
 * reads action.yml as committed, so the file stays in the repository, and `npm run action-yml`
 * rewrites its inputs from the table. test/workflows/workflows.test.ts fails when the committed
 * file differs from what this writes. The rest of action.yml (name, branding, outputs, runs) is
 * written by hand.
 */

/** Prettier's printWidth (.prettierrc), which `npm run lint` checks action.yml against. */
const WIDTH = 100;

/** A scalar as YAML reads it back: plain when that gives the same string, else single-quoted. */
function scalar(text: string): string {
  let read: unknown;
  try {
    read = (parse(`key: ${text}`) as { key?: unknown } | null)?.key;
  } catch {
    read = undefined;
  }
  return read === text ? text : `'${text.replaceAll("'", "''")}'`;
}

/**
 * A description on one line when it fits, else folded (`>-`: the lines joined by single
 * spaces, no final line break; YAML 1.2.2 §8.1.3), so GitHub shows the same one paragraph.
 */
function description(text: string): string[] {
  if (text.trim() !== text || /\s{2}|\n/.test(text))
    throw new Error(`a description is one paragraph, single-spaced: ${JSON.stringify(text)}`);
  const oneLine = `    description: ${scalar(text)}`;
  if (oneLine.length <= WIDTH) return [oneLine];
  return ['    description: >-', ...wrapped(text, WIDTH - 6).map((line) => `      ${line}`)];
}

/** The `inputs:` block, one entry per row of the table, in its order; ends with a new line. */
export function inputsBlock(): string {
  const lines = ['inputs:'];
  for (const [name, spec] of INPUT_SPECS) {
    lines.push(`  ${name}:`, ...description(spec.description));
    if (spec.default === undefined) lines.push('    required: true');
    else lines.push('    required: false', `    default: ${scalar(spec.default)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `actionYml` with its `inputs:` block, up to the next top-level key, written from the table. */
export function withGeneratedInputs(actionYml: string): string {
  const start = actionYml.search(/^inputs:$/m);
  if (start < 0) throw new Error('action.yml has no top-level inputs: line');
  const after = actionYml.slice(start + 'inputs:'.length).search(/^\S/m);
  const end = after < 0 ? actionYml.length : start + 'inputs:'.length + after;
  const rest = actionYml.slice(end);
  return `${actionYml.slice(0, start)}${inputsBlock()}${rest ? `\n${rest}` : ''}`;
}
