/**
 * The emulation's rules for the job token and the form, on their own: each case is a sentence of
 * GitHub's docs or a branch of GitHub's workflow parser (see test/support/token-permissions.ts).
 */
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';
import {
  calledJobPermissions,
  defaultTokenPermissions,
  granted,
  readPermissions,
  StartupFailure,
  type Permissions,
} from '../support/token-permissions.js';
import { FormError, fillForm } from '../support/run-workflow.js';

/** A `permissions:` value as GitHub's parser reads it from a workflow. */
function block(yaml: string): Permissions | undefined {
  const content = `on: push\npermissions: ${yaml}\njobs:\n  a:\n    runs-on: x\n    steps: [{ run: echo }]\n`;
  const parsed = parseWorkflow({ name: 'w.yml', content }, new NoOperationTraceWriter());
  expect(parsed.context.errors.getErrors().map((error) => error.message)).toEqual([]);
  return readPermissions(parsed.value!.assertMapping('root').find('permissions'));
}

const REF = './.github/workflows/called.yml';

describe('a permissions: block', () => {
  it('sets every scope it does not name to none; {} leaves nothing', () => {
    expect(granted(block('{ contents: write }')!)).toEqual({ contents: 'write' });
    expect(granted(block('{}')!)).toEqual({});
    expect(block('{ actions: read, contents: none }')!.contents).toBe('none');
  });

  it('read-all and write-all set every scope; models and vulnerability-alerts stay at read', () => {
    const readAll = block('read-all')!;
    const writeAll = block('write-all')!;
    expect(Object.values(readAll).every((level) => level === 'read')).toBe(true);
    expect(writeAll.contents).toBe('write');
    expect(writeAll['id-token']).toBe('write');
    expect(writeAll.models).toBe('read');
    expect(writeAll['vulnerability-alerts']).toBe('read');
  });

  it('absent is not the same as empty', () => {
    expect(readPermissions(undefined)).toBeUndefined();
  });

  it('the repository default: restricted reads contents and packages, permissive writes', () => {
    expect(granted(defaultTokenPermissions('restricted'))).toEqual({
      contents: 'read',
      packages: 'read',
    });
    const permissive = defaultTokenPermissions('permissive');
    expect(permissive.contents).toBe('write');
    expect(permissive['id-token']).toBe('none');
    expect(permissive.models).toBe('read');
  });
});

describe('the token of a called workflow’s job', () => {
  const grant = block('{ contents: write }')!;
  const jobs = [{ job: 'run', jobBlock: undefined }];

  it('is the caller’s grant when the called workflow names no permissions', () => {
    const tokens = calledJobPermissions({
      workflowRef: REF,
      callerGrant: grant,
      calledRoot: undefined,
      jobs,
      policy: 'restricted',
    });
    expect(granted(tokens.run!)).toEqual({ contents: 'write' });
  });

  it('is narrowed to nothing by a top-level permissions: {} in the called workflow', () => {
    const tokens = calledJobPermissions({
      workflowRef: REF,
      callerGrant: grant,
      calledRoot: block('{}'),
      jobs,
      policy: 'permissive',
    });
    expect(granted(tokens.run!)).toEqual({});
  });

  it('is the called job’s own block when that fits inside the caller’s grant', () => {
    const tokens = calledJobPermissions({
      workflowRef: REF,
      callerGrant: block('{ contents: write, actions: write }'),
      calledRoot: block('{}'),
      jobs: [{ job: 'run', jobBlock: block('{ contents: read }') }],
      policy: 'restricted',
    });
    expect(granted(tokens.run!)).toEqual({ contents: 'read' });
  });

  it('fails the run at start-up when a called job asks for more than the caller grants', () => {
    const call = () =>
      calledJobPermissions({
        workflowRef: REF,
        callerGrant: grant,
        calledRoot: undefined,
        jobs: [
          { job: 'run', jobBlock: block('{ contents: write, actions: write, issues: read }') },
        ],
        policy: 'permissive',
      });
    expect(call).toThrow(StartupFailure);
    expect(call).toThrow(
      `Error calling workflow '${REF}'. The nested job 'run' is requesting 'actions: write, issues: read', but is only allowed 'actions: none, issues: none'.`,
    );
  });

  it('fails at start-up when the called workflow’s top level asks for more', () => {
    expect(() =>
      calledJobPermissions({
        workflowRef: REF,
        callerGrant: block('{ contents: read }'),
        calledRoot: block('read-all'),
        jobs,
        policy: 'permissive',
      }),
    ).toThrow(
      /The workflow is requesting 'actions: read, .*', but is only allowed 'actions: none, /,
    );
  });

  it('without any grant: the repository default, which is also the ceiling', () => {
    const tokens = calledJobPermissions({
      workflowRef: REF,
      callerGrant: undefined,
      calledRoot: undefined,
      jobs,
      policy: 'restricted',
    });
    expect(granted(tokens.run!)).toEqual({ contents: 'read', packages: 'read' });
    expect(() =>
      calledJobPermissions({
        workflowRef: REF,
        callerGrant: undefined,
        calledRoot: undefined,
        jobs: [{ job: 'run', jobBlock: block('{ contents: write }') }],
        policy: 'restricted',
      }),
    ).toThrow("is requesting 'contents: write', but is only allowed 'contents: read'");
  });
});

describe('the Run workflow form', () => {
  const form = [
    {
      name: 'region',
      type: 'choice' as const,
      required: true,
      default: 'DEV',
      options: ['DEV', 'PROD'],
    },
    { name: 'event-id', type: 'string' as const, required: true },
    { name: 'dry-run', type: 'boolean' as const, required: false, default: true },
    { name: 'limit', type: 'number' as const, required: false, default: 0 },
  ];

  it('fills defaults, keeps booleans as booleans, numbers as their text, and writes strings to the event', () => {
    expect(fillForm(form, { 'event-id': 'abc', limit: '20' })).toEqual({
      inputs: { region: 'DEV', 'event-id': 'abc', 'dry-run': true, limit: '20' },
      eventInputs: { region: 'DEV', 'event-id': 'abc', 'dry-run': 'true', limit: '20' },
    });
  });

  it('takes a dispatch’s strings back', () => {
    expect(
      fillForm(form, { region: 'PROD', 'event-id': 'x', 'dry-run': 'false', limit: '0' }).inputs,
    ).toEqual({ region: 'PROD', 'event-id': 'x', 'dry-run': false, limit: '0' });
  });

  it('hands on a number field as text, its default included', () => {
    expect(fillForm(form, { 'event-id': 'x' }).inputs.limit).toBe('0');
    expect(fillForm(form, { 'event-id': 'x', limit: 7 }).inputs.limit).toBe('7');
  });

  it.each([
    [{ 'event-id': 'x', region: 'ITALY' }, /not one of \["DEV","PROD"\]/],
    [{ 'event-id': 'x', 'dry-run': 'yes' }, /must be true or false/],
    [{ 'event-id': 'x', limit: 'ten' }, /must be a number/],
    [{ 'event-id': '' }, /'event-id' is required/],
    [{ 'event-id': 'x', colour: 'red' }, /Unexpected inputs provided: \["colour"\]/],
  ])('refuses %j', (given, message) => {
    expect(() => fillForm(form, given)).toThrow(FormError);
    expect(() => fillForm(form, given)).toThrow(message);
  });
});
