import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, serveOnLoopback } from './loopback-server.js';
import { RepositoryHistory, type SandboxCommit } from './repository-history.js';

export type { SandboxCommit } from './repository-history.js';

export interface WorkflowDispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
  returnRunDetails: boolean;
}

/** What starting a dispatched run gave: its id, or GitHub's refusal (a 422 and its message). */
export type DispatchAnswer = { runId: number } | { status: number; message: string };
/** Starts the run a dispatch asks for (an emulated Actions service), or refuses it. */
export type DispatchHandler = (dispatch: WorkflowDispatch) => Promise<DispatchAnswer>;

export interface GitHubFaults {
  /** Before each of the next `n` writes, someone else commits to the file first (our sha goes stale: 409). */
  concurrentCommits?: number;
  /** The text that concurrent commit writes; default: the file with a trailing new line added. */
  concurrentText?: (current: string | undefined) => string;
  /** The next `n` requests answer 502 (`Infinity`: every one from now on). */
  serverErrors?: number;
  /**
   * Every write to the branch is refused as GitHub refuses it when the branch needs pull
   * requests: by classic branch protection or by a repository ruleset (both 409, see below).
   */
  protectedBranch?: 'classic' | 'ruleset';
  /** Requests are read but never answered: GitHub gone silent (the caller's timeout must end them). */
  silent?: boolean;
  /** Once this many commits exist, every request answers 502: GitHub failing mid-run. */
  failAfterCommits?: number;
}

/**
 * Every scope a `permissions:` block can set, in the order GitHub compares them and lists them
 * in its errors (Permissions.ComparisonKeyMapping in the runner's src/Sdk/WorkflowParser/Permissions.cs;
 * docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token).
 */
export const PERMISSION_SCOPES = [
  'actions',
  'artifact-metadata',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'issues',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'statuses',
  'security-events',
  'id-token',
  'models',
  'vulnerability-alerts',
] as const;
export type PermissionScope = (typeof PERMISSION_SCOPES)[number];
export type PermissionLevel = 'read' | 'write' | 'none';
export type TokenPermissions = Partial<Record<PermissionScope, PermissionLevel>>;

const LEVELS: Record<PermissionLevel, number> = { none: 0, read: 1, write: 2 };

export function isPermissionLevel(value: string): value is PermissionLevel {
  return value in LEVELS;
}

/** Whether `granted` covers `needed` ("write includes read", the same docs page). */
export function allows(granted: PermissionLevel | undefined, needed: PermissionLevel): boolean {
  return LEVELS[granted ?? 'none'] >= LEVELS[needed];
}

/** What a job token gets by default in these tests: enough to commit and to continue. */
export const COMMIT_AND_DISPATCH: TokenPermissions = { contents: 'write', actions: 'write' };

export interface GitHubSandbox {
  /** Use as GITHUB_API_URL. */
  url: string;
  /**
   * A new token with exactly `permissions`, as the runner gets one per job; every scope it
   * does not name is `none`.
   */
  issueToken(permissions: TokenPermissions): string;
  commits: SandboxCommit[];
  dispatches: WorkflowDispatch[];
  /** Requests as `METHOD /path`, in order. */
  requests: string[];
  file(path: string, branch?: string): string | undefined;
  /** Every file path on `branch` (default: the default branch), sorted. */
  paths(branch?: string): string[];
  putFile(path: string, text: string, branch?: string): void;
  /**
   * The commit `branch` points at now. A branch nothing was committed to yet points at its root
   * commit, whose tree is empty here (the repository's own files are not the sandbox's).
   */
  headSha(branch?: string): string;
  /** The whole tree of commit `sha` by path (what `actions/checkout` of it gets); undefined if unknown. */
  filesAt(sha: string): Record<string, string> | undefined;
  /** Who starts the runs dispatches ask for; without one, each dispatch is recorded only. */
  setDispatchHandler(handler: DispatchHandler | undefined): void;
  setFaults(faults: GitHubFaults): void;
  close(): Promise<void>;
}

/** Git's blob id: SHA-1 of `blob <size>\0<content>`. */
export function blobSha(text: string): string {
  const content = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

interface PutContents {
  message: string;
  content: string;
  sha?: string;
  branch?: string;
}

interface DispatchBody {
  ref: string;
  inputs?: Record<string, string>;
  return_run_details?: boolean;
}

/**
 * How GitHub refuses a Contents API write to a branch that needs pull requests: 409, with the
 * rule in the message. Classic protection: `Could not update file: Changes must be made
 * through a pull request.`; a ruleset: `Repository rule violations found` and the rule (both
 * seen in answers quoted in public issue threads and changelogs: wapu-app's runbook, a support
 * tool's changelog for "HTTP 409 Repository rule violations found"; the docs list 409 for this
 * endpoint: docs.github.com/en/rest/repos/contents#create-or-update-file-contents).
 */
const PROTECTED_BRANCH_ANSWERS = {
  classic: {
    message: 'Could not update file: Changes must be made through a pull request.',
    documentation_url: 'https://docs.github.com/articles/about-protected-branches',
    status: '409',
  },
  ruleset: {
    message: 'Repository rule violations found\n\nChanges must be made through a pull request.\n\n',
    documentation_url: 'https://docs.github.com/rest/repos/contents#create-or-update-file-contents',
    status: '409',
  },
};

/** What the sandbox's answers share. */
interface SandboxState {
  defaultBranch: string;
  history: RepositoryHistory;
  tokens: Map<string, TokenPermissions>;
  dispatches: WorkflowDispatch[];
  requests: string[];
  faults: GitHubFaults;
  dispatchHandler?: DispatchHandler;
  origin: string;
}

function getContents(state: SandboxState, response: ServerResponse, url: URL, path: string) {
  const text = state.history.treeOfRef(url.searchParams.get('ref') ?? state.defaultBranch)[path];
  if (text === undefined) return sendJson(response, 404, { message: 'Not Found' });
  sendJson(response, 200, {
    type: 'file',
    path,
    name: path.split('/').pop(),
    sha: blobSha(text),
    size: Buffer.byteLength(text),
    encoding: 'base64',
    // GitHub wraps base64 at 60 characters.
    content: Buffer.from(text).toString('base64').replace(/.{60}/g, '$&\n'),
  });
}

function putContents(
  state: SandboxState,
  response: ServerResponse,
  path: string,
  input: PutContents,
): void {
  const { faults, history } = state;
  const branch = input.branch ?? state.defaultBranch;
  if (faults.protectedBranch) {
    return sendJson(response, 409, PROTECTED_BRANCH_ANSWERS[faults.protectedBranch]);
  }
  if (faults.concurrentCommits) {
    faults.concurrentCommits--;
    const before = history.headTree(branch)[path];
    const concurrent = faults.concurrentText?.(before) ?? `${before ?? '{}'}\n`;
    history.commit(branch, path, concurrent, 'concurrent');
  }
  const current = history.headTree(branch)[path];
  if (current !== undefined && !input.sha) {
    return sendJson(response, 422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' });
  }
  if (current !== undefined && input.sha !== blobSha(current)) {
    return sendJson(response, 409, { message: `${path} does not match ${input.sha}` });
  }
  const text = Buffer.from(input.content, 'base64').toString('utf8');
  const made = history.commit(branch, path, text, input.message);
  sendJson(response, current === undefined ? 201 : 200, {
    content: { path, sha: blobSha(text) },
    commit: { sha: made.sha, message: made.message },
  });
}

/**
 * A dispatch: every input value must be a string, as the REST API takes them ("inputs:
 * object ... Any default properties configured in the workflow file will be used when inputs
 * are omitted", docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event); a
 * number or boolean is refused with 422 `Invalid value for input '<name>'` and no run starts
 * (atlanhq/application-sdk#1399, numbers sent by `gh api -F`; knaisoma/data-olympus#219;
 * hms-dbmi-cellenics/iac#323 for booleans). The handler, when set, starts the run or refuses
 * the inputs as the form does (422).
 */
async function dispatchWorkflow(
  state: SandboxState,
  response: ServerResponse,
  [owner, repo, workflow]: string[],
  input: DispatchBody,
): Promise<void> {
  const inputs = (input.inputs ?? {}) as Record<string, unknown>;
  const notText = Object.keys(inputs).find((name) => typeof inputs[name] !== 'string');
  if (notText !== undefined)
    return sendJson(response, 422, { message: `Invalid value for input '${notText}'` });
  const entry: WorkflowDispatch = {
    workflow: decodeURIComponent(workflow!),
    ref: input.ref,
    inputs: inputs as Record<string, string>,
    returnRunDetails: input.return_run_details === true,
  };
  const fallback = { runId: 9000 + state.dispatches.length + 1 };
  const answer = (await state.dispatchHandler?.(entry)) ?? fallback;
  if ('status' in answer) return sendJson(response, answer.status, { message: answer.message });
  state.dispatches.push(entry);
  if (!entry.returnRunDetails) {
    response.writeHead(204);
    return void response.end();
  }
  const id = answer.runId;
  sendJson(response, 200, {
    workflow_run_id: id,
    run_url: `${state.origin}/repos/${owner}/${repo}/actions/runs/${id}`,
    html_url: `https://github.example/${owner}/${repo}/actions/runs/${id}`,
  });
}

/** The request's token's scopes; undefined (answered 401, or never answered) when it has none. */
function authorised(
  state: SandboxState,
  request: IncomingMessage,
  response: ServerResponse,
): TokenPermissions | undefined {
  const { faults } = state;
  // Read, then never answered: the socket stays open until the caller gives up.
  if (faults.silent) return undefined;
  const auth = /^(?:token|Bearer) (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  const permissions = auth === undefined ? undefined : state.tokens.get(auth);
  if (!permissions) {
    sendJson(response, 401, {
      message: 'Bad credentials',
      documentation_url: 'https://docs.github.com/rest',
      status: '401',
    });
    return undefined;
  }
  const failing =
    faults.failAfterCommits !== undefined &&
    state.history.commits.length >= faults.failAfterCommits;
  if (failing || faults.serverErrors) {
    if (!failing) faults.serverErrors!--;
    sendJson(response, 502, { message: 'Server Error' });
    return undefined;
  }
  return permissions;
}

async function handle(
  state: SandboxState,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://github');
  state.requests.push(`${request.method} ${url.pathname}`);
  const body = (await readBody(request)).toString();
  const permissions = authorised(state, request, response);
  if (!permissions) return;
  const needs = (scope: PermissionScope, level: PermissionLevel): boolean => {
    if (allows(permissions[scope], level)) return true;
    sendJson(response, 403, {
      message: 'Resource not accessible by integration',
      documentation_url: 'https://docs.github.com/rest',
      status: '403',
    });
    return false;
  };
  const contents = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(url.pathname);
  // docs.github.com/en/rest/repos/contents: get needs Contents read, create or update write.
  if (contents && request.method === 'GET') {
    if (!needs('contents', 'read')) return;
    return getContents(state, response, url, decodeURIComponent(contents[1]!));
  }
  if (contents && request.method === 'PUT') {
    if (!needs('contents', 'write')) return;
    const path = decodeURIComponent(contents[1]!);
    return putContents(state, response, path, JSON.parse(body) as PutContents);
  }
  const blob = /^\/repos\/[^/]+\/[^/]+\/git\/blobs\/([0-9a-f]+)$/.exec(url.pathname);
  // docs.github.com/en/rest/git/blobs#get-a-blob: Contents read.
  if (blob && request.method === 'GET') {
    if (!needs('contents', 'read')) return;
    const text = state.history.blob(blob[1]!, blobSha);
    if (text === undefined) return sendJson(response, 404, { message: 'Not Found' });
    const content = Buffer.from(text).toString('base64');
    return sendJson(response, 200, { sha: blob[1], encoding: 'base64', content });
  }
  const dispatch = /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/dispatches$/.exec(
    url.pathname,
  );
  // docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event: Actions write.
  if (dispatch && request.method === 'POST') {
    if (!needs('actions', 'write')) return;
    const input = JSON.parse(body) as DispatchBody;
    return dispatchWorkflow(state, response, dispatch.slice(1), input);
  }
  sendJson(response, 404, { message: 'Not Found' });
}

/**
 * The slice of GitHub's REST API this tool uses, on loopback: the Contents API (get, create,
 * update with `sha`: missing 422, stale 409), blobs, and workflow dispatches. Each token has
 * permission scopes; a request its token's scopes do not cover gets GitHub's answer for an
 * installation token without the permission: 403 `Resource not accessible by integration`
 * (docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api). The scope each
 * endpoint needs is the one its REST docs page lists under "Fine-grained access tokens".
 */
export async function startGitHubSandbox(options: {
  /** A token the sandbox accepts. */
  token: string;
  /** That token's scopes; default contents and actions write. */
  permissions?: TokenPermissions;
  defaultBranch?: string;
  port?: number;
}): Promise<GitHubSandbox> {
  const defaultBranch = options.defaultBranch ?? 'main';
  const state: SandboxState = {
    defaultBranch,
    history: new RepositoryHistory(),
    tokens: new Map([[options.token, options.permissions ?? COMMIT_AND_DISPATCH]]),
    dispatches: [],
    requests: [],
    faults: {},
    origin: '',
  };
  const { history } = state;
  const server = await serveOnLoopback(
    (request, response) => handle(state, request, response),
    options.port,
  );
  state.origin = server.origin;
  let issued = 0;
  return {
    url: server.origin,
    issueToken: (permissions) => {
      const token = `ghs_sandbox${++issued}_${createHash('sha1').update(JSON.stringify(permissions)).digest('hex').slice(0, 12)}`;
      state.tokens.set(token, { ...permissions });
      return token;
    },
    commits: history.commits,
    dispatches: state.dispatches,
    requests: state.requests,
    file: (path, branch = defaultBranch) => history.headTree(branch)[path],
    paths: (branch = defaultBranch) => Object.keys(history.headTree(branch)).sort(),
    putFile: (path, text, branch = defaultBranch) =>
      void history.commit(branch, path, text, 'seeded'),
    headSha: (branch = defaultBranch) => history.headSha(branch),
    filesAt: (sha) => history.filesAt(sha),
    setDispatchHandler: (handler) => {
      state.dispatchHandler = handler;
    },
    setFaults: (next) => {
      state.faults = { ...next };
    },
    close: () => server.close(),
  };
}
