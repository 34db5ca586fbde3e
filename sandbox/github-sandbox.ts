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
}

export interface WorkflowDispatch {
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
  returnRunDetails: boolean;
}

export interface GitHubFaults {
  /** Before each of the next `n` writes, someone else commits to the file first (our sha goes stale: 409). */
  concurrentCommits?: number;
  /** The text that concurrent commit writes; default: the file with a trailing new line added. */
  concurrentText?: (current: string | undefined) => string;
  /** The next `n` requests answer 502. */
  serverErrors?: number;
  /** Every write answers 403, like a protected branch. */
  protectedBranch?: boolean;
}

export interface GitHubSandbox {
  /** Use as GITHUB_API_URL. */
  url: string;
  commits: SandboxCommit[];
  dispatches: WorkflowDispatch[];
  /** Requests as `METHOD /path`, in order. */
  requests: string[];
  file(path: string, branch?: string): string | undefined;
  putFile(path: string, text: string, branch?: string): void;
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
 * The slice of GitHub's REST API this tool uses, on loopback: the Contents API (get, create,
 * update with `sha`: missing 422, stale 409), blobs, and workflow dispatches.
 */
export async function startGitHubSandbox(options: {
  token: string;
  defaultBranch?: string;
  port?: number;
}): Promise<GitHubSandbox> {
  const defaultBranch = options.defaultBranch ?? 'main';
  const files = new Map<string, string>();
  const key = (branch: string, path: string): string => `${branch}:${path}`;
  const commits: SandboxCommit[] = [];
  const dispatches: WorkflowDispatch[] = [];
  const requests: string[] = [];
  let faults: GitHubFaults = {};

  const commit = (branch: string, path: string, text: string, message: string): SandboxCommit => {
    files.set(key(branch, path), text);
    const sha = createHash('sha1').update(`${commits.length}\0${message}\0${text}`).digest('hex');
    const entry = { sha, path, branch, message, text };
    commits.push(entry);
    return entry;
  };

  const getContents = (response: ServerResponse, url: URL, path: string): void => {
    const text = files.get(key(url.searchParams.get('ref') ?? defaultBranch, path));
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
      return sendJson(response, 403, { message: 'Protected branch update failed' });
    }
    if (faults.concurrentCommits) {
      faults.concurrentCommits--;
      const before = files.get(key(branch, path));
      commit(branch, path, faults.concurrentText?.(before) ?? `${before ?? '{}'}\n`, 'concurrent');
    }
    const current = files.get(key(branch, path));
    if (current !== undefined && !input.sha) {
      return sendJson(response, 422, { message: '"sha" wasn\'t supplied.' });
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

  const dispatchWorkflow = (
    response: ServerResponse,
    [owner, repo, workflow]: string[],
    input: DispatchBody,
  ): void => {
    const entry: WorkflowDispatch = {
      workflow: decodeURIComponent(workflow!),
      ref: input.ref,
      inputs: input.inputs ?? {},
      returnRunDetails: input.return_run_details === true,
    };
    dispatches.push(entry);
    if (!entry.returnRunDetails) {
      response.writeHead(204);
      return void response.end();
    }
    const id = 9000 + dispatches.length;
    sendJson(response, 200, {
      workflow_run_id: id,
      run_url: `${server.origin}/repos/${owner}/${repo}/actions/runs/${id}`,
      html_url: `https://github.example/${owner}/${repo}/actions/runs/${id}`,
    });
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://github');
    requests.push(`${request.method} ${url.pathname}`);
    const auth = request.headers.authorization;
    if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`) {
      return sendJson(response, 401, { message: 'Bad credentials' });
    }
    if (faults.serverErrors) {
      faults.serverErrors--;
      return sendJson(response, 502, { message: 'Server Error' });
    }
    const body = (await readBody(request)).toString();
    const contents = /^\/repos\/[^/]+\/[^/]+\/contents\/(.+)$/.exec(url.pathname);
    if (contents && request.method === 'GET') {
      return getContents(response, url, decodeURIComponent(contents[1]!));
    }
    if (contents && request.method === 'PUT') {
      return putContents(
        response,
        decodeURIComponent(contents[1]!),
        JSON.parse(body) as PutContents,
      );
    }
    const blob = /^\/repos\/[^/]+\/[^/]+\/git\/blobs\/([0-9a-f]+)$/.exec(url.pathname);
    if (blob && request.method === 'GET') {
      const text = [...files.values()].find((candidate) => blobSha(candidate) === blob[1]);
      if (text === undefined) return sendJson(response, 404, { message: 'Not Found' });
      const content = Buffer.from(text).toString('base64');
      return sendJson(response, 200, { sha: blob[1], encoding: 'base64', content });
    }
    const dispatch = /^\/repos\/([^/]+)\/([^/]+)\/actions\/workflows\/([^/]+)\/dispatches$/.exec(
      url.pathname,
    );
    if (dispatch && request.method === 'POST') {
      return dispatchWorkflow(response, dispatch.slice(1), JSON.parse(body) as DispatchBody);
    }
    sendJson(response, 404, { message: 'Not Found' });
  };

  const server = await serveOnLoopback(handle, options.port);
  return {
    url: server.origin,
    commits,
    dispatches,
    requests,
    file: (path, branch = defaultBranch) => files.get(key(branch, path)),
    putFile: (path, text, branch = defaultBranch) => void commit(branch, path, text, 'seeded'),
    setFaults: (next) => {
      faults = { ...next };
    },
    close: () => server.close(),
  };
}
