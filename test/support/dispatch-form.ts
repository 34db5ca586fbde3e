/**
 * The "Run workflow" form, filled in as GitHub takes it, and what the run's `inputs` context
 * then holds. Rule (a) of the emulation: a dispatch's inputs reach `inputs` as strings, except
 * booleans, which stay booleans; a `number` field is a string there like any other.
 */
import type { FormField } from './workflow-files.js';

/** A value in the form: what a person types, ticks or picks, or a dispatch's string. */
export type FormValue = string | boolean | number;
/** A value of the `inputs` context of a dispatched run: text, or a boolean field's boolean. */
export type InputValue = string | boolean | number;

/** GitHub refused the form: no run starts at all. */
export class FormError extends Error {
  override name = 'FormError';
}

/**
 * A field's value as the form (or the REST API) hands it on. `numbers: 'typed'` is the model
 * this emulation had before issue 19 (a number field typed as a number), kept only for the
 * mutation table, which shows that the old workflows started under it.
 */
function fieldValue(
  field: FormField,
  value: FormValue | undefined,
  numbers: 'text' | 'typed',
): InputValue {
  switch (field.type) {
    case 'boolean': {
      const text = String(value ?? false);
      if (text !== 'true' && text !== 'false')
        throw new FormError(
          `Input '${field.name}' must be true or false, not ${JSON.stringify(value)}`,
        );
      return text === 'true';
    }
    case 'number': {
      // The form checks that it is a number, and hands on the text.
      const text = String(value ?? '').trim();
      if (text === '' || !Number.isFinite(Number(text)))
        throw new FormError(`Input '${field.name}' must be a number, not ${JSON.stringify(value)}`);
      return numbers === 'typed' ? Number(text) : text;
    }
    case 'choice': {
      const text = String(value ?? field.options?.[0] ?? '');
      if (!field.options?.includes(text))
        throw new FormError(
          `Input '${field.name}': ${JSON.stringify(text)} is not one of ${JSON.stringify(field.options)}`,
        );
      return text;
    }
    default:
      return String(value ?? '');
  }
}

/**
 * The form filled in, as GitHub takes it (docs.github.com/en/actions/reference/workflows-and-actions/
 * workflow-syntax#onworkflow_dispatchinputs): at most 25 fields; a field left out takes its
 * default; a choice must be one of its options; a boolean is true or false; a number field
 * holds a number; a required field must have a value; a name the form does not have is refused
 * (the dispatch API's 422 "Unexpected inputs provided: [...]", quoted in
 * github.com/benc-uk/workflow-dispatch/issues/80).
 *
 * Returns `github.event.inputs` (every value a string) and the `inputs` context, which "is
 * identical except that the inputs context preserves Boolean values as Booleans instead of
 * converting them to strings. The choice type resolves to a string" (same docs page, and
 * docs.github.com/en/actions/reference/workflows-and-actions/events-that-trigger-workflows#workflow_dispatch).
 * A number field is therefore a string in `inputs`, as users found when they passed one on to
 * a reusable workflow's number input: "workflow_dispatch inputs are always strings at runtime"
 * (camunda/camunda#48475, 2026); "workflow_dispatch delivers `type: number` inputs as strings
 * in the `inputs` context" (iii-hq/workers#703, 2026); actions/runner#2848 (2023).
 */
export function fillForm(
  form: FormField[],
  given: Record<string, FormValue>,
  numbers: 'text' | 'typed' = 'text',
): { inputs: Record<string, InputValue>; eventInputs: Record<string, string> } {
  if (form.length > 25) throw new FormError(`the form has ${form.length} inputs; GitHub allows 25`);
  const unknown = Object.keys(given).filter((name) => !form.some((field) => field.name === name));
  if (unknown.length > 0)
    throw new FormError(`Unexpected inputs provided: ${JSON.stringify(unknown)}`);
  const inputs: Record<string, InputValue> = {};
  const eventInputs: Record<string, string> = {};
  for (const field of form) {
    const value = fieldValue(field, given[field.name] ?? field.default, numbers);
    if (field.required && value === '') throw new FormError(`Input '${field.name}' is required`);
    inputs[field.name] = value;
    eventInputs[field.name] = String(value);
  }
  return { inputs, eventInputs };
}
