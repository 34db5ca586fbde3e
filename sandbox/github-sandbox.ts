import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson, serveOnLoopback } from './loopback-server.js';

/** A commit the sandbox took, as the Contents API made it. */
export interface SandboxCommit {
  sha: string;
  path: string;
  branch: string;
  message: string;
  /** The file's whole text after the commit. */
  text: string;
  /** The branch's head before this commit (its root commit when this is the first). */
  parent: string;
  /** Every file of the branch after the commit, by path: what a checkout of `sha` gets. */
  tree: Readonly<Record<string, string>>;
}

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
  const tokens = new Map<string, TokenPermissions>([
    [options.token, options.permissions ?? COMMIT_AND_DISPATCH],
  ]);
  /** Each branch's head commit, and each commit's whole tree: the history checkouts read. */
  const heads = new Map<string, string>();
  const trees = new Map<string, Record<string, string>>();
  const commits: SandboxCommit[] = [];
  const dispatches: WorkflowDispatch[] = [];
  const requests: string[] = [];
  let faults: GitHubFaults = {};
  let dispatchHandler: DispatchHandler | undefined;

  /** A branch nothing was committed to points at its root commit, with an empty tree. */
  const headSha = (branch = defaultBranch): string => {
    const head = heads.get(branch);
    if (head) return head;
    const root = createHash('sha1').update(`root\0${branch}`).digest('hex');
    if (!trees.has(root)) trees.set(root, {});
    return root;
  };
  const headTree = (branch: string): Record<string, string> => trees.get(headSha(branch)) ?? {};
  /** The tree a `ref` names: a commit's sha, or a branch (`main`, `refs/heads/main`). */
  const treeOfRef = (ref: string): Record<string, string> =>
    trees.get(ref) ?? headTree(ref.replace(/^refs\/heads\//, ''));

  const commit = (branch: string, path: string, text: string, message: string): SandboxCommit => {
    const parent = headSha(branch);
    const tree = { ...headTree(branch), [path]: text };
    const sha = createHash('sha1')
      .update(`${parent}\0${commits.length}\0${message}\0${path}\0${text}`)
      .digest('hex');
    trees.set(sha, tree);
    heads.set(branch, sha);
    const entry = { sha, path, branch, message, text, parent, tree };
    commits.push(entry);
    return entry;
  };

  const getContents = (response: ServerResponse, url: URL, path: string): void => {
    const text = treeOfRef(url.searchParams.get('ref') ?? defaultBranch)[path];
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
  };

  const putContents = (response: ServerResponse, path: string, input: PutContents): void => {
    const branch = input.branch ?? defaultBranch;
    if (faults.protectedBranch) {
      return sendJson(response, 409, PROTECTED_BRANCH_ANSWERS[faults.protectedBranch]);
    }
    if (faults.concurrentCommits) {
      faults.concurrentCommits--;
      const before = headTree(branch)[path];
      commit(branch, path, faults.concurrentText?.(before) ?? `${before ?? '{}'}\n`, 'concurrent');
    }
    const current = headTree(branch)[path];
    if (current !== undefined && !input.sha) {
      return sendJson(response, 422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' });
    }
    if (current !== undefined && input.sha !== blobSha(current)) {
      return sendJson(response, 409, { message: `${path} does not match ${input.sha}` });
    }
    const text = Buffer.from(input.content, 'base64').toString('utf8');
    const made = commit(branch, path, text, input.message);
    sendJson(response, current === undefined ? 201 : 200, {
      content: { path, sha: blobSha(text) },
      commit: { sha: made.sha, message: made.message },
    });
  };

  /**
   * A dispatch: every input value must be a string, as the REST API takes them ("inputs:
   * object ... Any default properties configured in the workflow file will be used when inputs
   * are omitted", docs.github.com/en/rest/actions/workflows#create-a-workflow-dispatch-event); a
   * number or boolean is refused with 422 `Invalid value for input '<name>'` and no run starts
   * (atlanhq/application-sdk#1399, numbers sent by `gh api -F`; knaisoma/data-olympus#219;
   * hms-dbmi-cellenics/iac#323 for booleans). The handler, when set, starts the run or refuses
   * the inputs as the form does (422).
   */
  const dispatchWorkflow = async (
    response: ServerResponse,
    [owner, repo, workflow]: string[],
    input: DispatchBody,
  ): Promise<void> => {
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
    const answer = (await dispatchHandler?.(entry)) ?? { runId: 9000 + dispatches.length + 1 };
    if ('status' in answer) return sendJson(response, answer.status, { message: answer.message });
    dispatches.push(entry);
    if (!entry.returnRunDetails) {
      response.writeHead(204);
      return void response.end();
    }
    const id = answer.runId;
    sendJson(response, 200, {
      workflow_run_id: id,
      run_url: `${server.origin}/repos/${owner}/${repo}/actions/runs/${id}`,
      html_url: `https://github.example/${owner}/${repo}/actions/runs/${id}`,
    });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://github');
    requests.push(`${request.method} ${url.pathname}`);
    const body = (await readBody(request)).toString();
    // Read, then never answered: the socket stays open until the caller gives up.
    if (faults.silent) return;
    const auth = /^(?:token|Bearer) (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const permissions = auth === undefined ? undefined : tokens.get(auth);
    if (!permissions) {
      return sendJson(response, 401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest',
        status: '401',
      });
    }
    if (faults.failAfterCommits !== undefined && commits.length >= faults.failAfterCommits) {
      return sendJson(response, 502, { message: 'Server Error' });
    }
    if (faults.serverErrors) {
      faults.serverErrors--;
      return sendJson(response, 502, { message: 'Server Error' });
    }
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
      return getContents(response, url, decodeURIComponent(contents[1]!));
    }
    if (contents && request.method === 'PUT') {
      if (!needs('contents', 'write')) return;
      return putContents(
        response,
        decodeURIComponent(contents[1]!),
        JSON.parse(body) as PutContents,
      );
    }
    const blob = /^\/repos\/[^/]+\/[^/]+\/git\/blobs\/([0-9a-f]+)$/.exec(url.pathname);
    // docs.github.com/en/rest/git/blobs#get-a-blob: Contents read.
    if (blob && request.method === 'GET') {
      if (!needs('contents', 'read')) return;
      // Any blob ever committed, as git keeps them.
      const text = [...trees.values()]
        .flatMap((tree) => Object.values(tree))
        .find((candidate) => blobSha(candidate) === blob[1]);
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
      return dispatchWorkflow(response, dispatch.slice(1), JSON.parse(body) as DispatchBody);
    }
    sendJson(response, 404, { message: 'Not Found' });
  };

  const server = await serveOnLoopback(handle, options.port);
  let issued = 0;
  return {
    url: server.origin,
    issueToken: (permissions) => {
      const token = `ghs_sandbox${++issued}_${createHash('sha1').update(JSON.stringify(permissions)).digest('hex').slice(0, 12)}`;
      tokens.set(token, { ...permissions });
      return token;
    },
    commits,
    dispatches,
    requests,
    file: (path, branch = defaultBranch) => headTree(branch)[path],
    paths: (branch = defaultBranch) => Object.keys(headTree(branch)).sort(),
    putFile: (path, text, branch = defaultBranch) => void commit(branch, path, text, 'seeded'),
    headSha,
    filesAt: (sha) => {
      const tree = trees.get(sha);
      return tree ? { ...tree } : undefined;
    },
    setDispatchHandler: (handler) => {
      dispatchHandler = handler;
    },
    setFaults: (next) => {
      faults = { ...next };
    },
    close: () => server.close(),
  };
}
