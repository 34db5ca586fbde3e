/**
 * The `GITHUB_TOKEN` a job gets, computed as GitHub computes it. Each rule cites its source;
 * the exact rules for reusable workflows come from GitHub's own workflow parser, which ships
 * in the runner's repository (github.com/actions/runner, src/Sdk/WorkflowParser):
 * `Conversion/WorkflowTemplateConverter.cs` (ConvertToPermissions, ConvertToReferencedWorkflow)
 * and `Conversion/PermissionsHelper.cs` (ValidateEmbeddedPermissions, CreatePermissionsFromPolicy).
 */
import { isMapping, isString } from '@actions/workflow-parser';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import {
  PERMISSION_SCOPES as TOKEN_SCOPES,
  allows as covers,
  isPermissionLevel,
  type PermissionLevel,
  type PermissionScope,
} from '../../sandbox/github-sandbox.js';

// The scopes and their order live beside the sandbox GitHub API, which enforces them.
export { TOKEN_SCOPES, covers };
export type TokenScope = PermissionScope;
export type Level = PermissionLevel;
/** A token's scopes: every scope has a level. */
export type Permissions = Record<TokenScope, Level>;

/**
 * What the repository (or its organization) gives a job that no `permissions:` block governs:
 * "restricted" (read repository contents and packages) or "permissive" (read and write).
 */
export type DefaultPermissions = 'restricted' | 'permissive';

/** Scopes that never go above read: a `write` asked for them is read (ConvertToPermissions). */
const READ_AT_MOST = new Set<TokenScope>(['models', 'vulnerability-alerts']);

function all(level: Level): Permissions {
  return Object.fromEntries(TOKEN_SCOPES.map((scope) => [scope, level])) as Permissions;
}

function capped(scope: TokenScope, level: Level): Level {
  return READ_AT_MOST.has(scope) && level === 'write' ? 'read' : level;
}

/**
 * A `permissions:` value as GitHub reads it, or undefined when there is none.
 * - A mapping names scopes; "If you specify the access for any of these permissions, all of
 *   those that are not specified are set to none" (docs.github.com/en/actions/writing-workflows/
 *   choosing-what-your-workflow-does/controlling-permissions-for-github_token), so `{}` is all none.
 * - `read-all` / `write-all` set every scope (same page: "define one of read-all or write-all
 *   access for all of the available scopes"); models and vulnerability-alerts stay at read
 *   (ConvertToPermissions in the runner's WorkflowTemplateConverter.cs).
 */
export function readPermissions(token: TemplateToken | undefined): Permissions | undefined {
  if (token === undefined) return undefined;
  if (isString(token)) {
    const level = token.value === 'read-all' ? 'read' : token.value === 'write-all' ? 'write' : '';
    if (!level) throw new Error(`permissions: unexpected value '${token.value}'`);
    return Object.fromEntries(
      TOKEN_SCOPES.map((scope) => [scope, capped(scope, level)]),
    ) as Permissions;
  }
  if (!isMapping(token)) throw new Error('permissions: expected a mapping, read-all or write-all');
  const permissions = all('none');
  for (const pair of token) {
    const scope = pair.key.assertString('permissions key').value as TokenScope;
    const level = pair.value.assertString('permissions value').value as Level;
    // Unknown keys are ignored (ConvertToPermissions' default branch); the parser's schema
    // already rejects them and bad levels.
    if ((TOKEN_SCOPES as readonly string[]).includes(scope) && isPermissionLevel(level))
      permissions[scope] = capped(scope, level);
  }
  return permissions;
}

/**
 * The token of a job that no `permissions:` block governs: the table "permissions granted to
 * the GITHUB_TOKEN by default" (docs.github.com/en/actions/reference/github_token-reference):
 * permissive is read/write everywhere except id-token (none) and models (read); restricted is
 * contents and packages read, everything else none. (New repositories have been restricted
 * since github.blog/changelog/2023-02-02-github-actions-updating-the-default-github_token-permissions-to-read-only.)
 */
export function defaultTokenPermissions(policy: DefaultPermissions): Permissions {
  if (policy === 'restricted') return { ...all('none'), contents: 'read', packages: 'read' };
  return {
    ...all('write'),
    'id-token': 'none',
    models: 'read',
    'vulnerability-alerts': 'read',
  };
}

/**
 * The most a called workflow may ask for when its caller names no permissions: the repository
 * policy as a maximum (CreatePermissionsFromPolicy in the runner's PermissionsHelper.cs:
 * LimitedRead = contents and packages read; Write = everything write, id-token only for a
 * workflow in the same trust boundary, which a `./` workflow is).
 */
export function policyMaximum(policy: DefaultPermissions): Permissions {
  if (policy === 'restricted') return { ...all('none'), contents: 'read', packages: 'read' };
  return { ...all('write'), models: 'read', 'vulnerability-alerts': 'read' };
}

/** The scopes where `requested` asks for more than `allowed`, as GitHub lists them. */
export function exceeding(
  requested: Permissions,
  allowed: Permissions,
): { scope: TokenScope; requested: Level; allowed: Level }[] {
  return TOKEN_SCOPES.filter((scope) => !covers(allowed[scope], requested[scope])).map((scope) => ({
    scope,
    requested: requested[scope],
    allowed: allowed[scope],
  }));
}

/** Raised when GitHub refuses to start the run: the run fails before any job starts. */
export class StartupFailure extends Error {
  override name = 'StartupFailure';
}

export interface CalledJobPermissions {
  /** The called job's id. */
  job: string;
  /** `permissions:` of that job in the called workflow, if any. */
  jobBlock: Permissions | undefined;
}

/**
 * The token of each job of a called (reusable) workflow, following ConvertToReferencedWorkflow
 * and ValidateEmbeddedPermissions in the runner's workflow parser:
 * 1. The caller job's grant is its own `permissions:`, else the caller workflow's top-level one
 *    ("Propagate explicit permissions" in ConvertWorkflow), else none is explicit and the
 *    repository policy is the ceiling.
 * 2. A top-level `permissions:` in the called workflow must fit inside that grant (else: "The
 *    workflow is requesting '…', but is only allowed '…'") and then replaces it for its jobs.
 * 3. A called job's own `permissions:` must fit inside the caller's grant (else: "The nested job
 *    '…' is requesting '…', but is only allowed '…'", an error seen in public runs, e.g.
 *    github.com/canonical/authd/issues/1528) and is that job's token.
 * 4. A job with no block anywhere gets the repository default.
 * The checks are made when the run starts, for every calling job, whatever its `if:`
 * (github.com/actions/runner/issues/4151): a violation fails the run before any job runs.
 * Docs: "If jobs.<job_id>.permissions is not specified in the calling job, the called workflow
 * will have the default permissions for the GITHUB_TOKEN" and "The GITHUB_TOKEN permissions
 * passed from the caller workflow can be only downgraded (not elevated) by the called workflow"
 * (docs.github.com/en/actions/reference/workflows-and-actions/reusing-workflow-configurations).
 */
export function calledJobPermissions(options: {
  workflowRef: string;
  callerGrant: Permissions | undefined;
  calledRoot: Permissions | undefined;
  jobs: CalledJobPermissions[];
  policy: DefaultPermissions;
}): Record<string, Permissions> {
  const { workflowRef, callerGrant, calledRoot, jobs, policy } = options;
  const maximum = callerGrant ?? policyMaximum(policy);
  const describe = (list: ReturnType<typeof exceeding>, side: 'requested' | 'allowed'): string =>
    list.map((entry) => `${entry.scope}: ${entry[side]}`).join(', ');
  let inherited = callerGrant;
  if (calledRoot) {
    const over = exceeding(calledRoot, maximum);
    if (over.length > 0)
      throw new StartupFailure(
        `Error calling workflow '${workflowRef}'. The workflow is requesting '${describe(over, 'requested')}', but is only allowed '${describe(over, 'allowed')}'.`,
      );
    inherited = calledRoot;
  }
  const result: Record<string, Permissions> = {};
  for (const { job, jobBlock } of jobs) {
    if (jobBlock) {
      const over = exceeding(jobBlock, maximum);
      if (over.length > 0)
        throw new StartupFailure(
          `Error calling workflow '${workflowRef}'. The nested job '${job}' is requesting '${describe(over, 'requested')}', but is only allowed '${describe(over, 'allowed')}'.`,
        );
      result[job] = jobBlock;
    } else {
      result[job] = inherited ?? defaultTokenPermissions(policy);
    }
  }
  return result;
}

/** The scopes above none, for reading in tests and logs: `{ contents: 'write' }`. */
export function granted(permissions: Permissions): Partial<Record<TokenScope, Level>> {
  return Object.fromEntries(
    TOKEN_SCOPES.filter((s) => permissions[s] !== 'none').map((s) => [s, permissions[s]]),
  );
}
