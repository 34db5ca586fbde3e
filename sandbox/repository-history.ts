import { createHash } from 'node:crypto';

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

/**
 * A repository's history as far as the sandbox keeps it: each branch's head, each commit's
 * whole tree, and the commits in order. A branch nothing was committed to points at a root
 * commit of its own with an empty tree (the repository's own files are not the sandbox's).
 */
export class RepositoryHistory {
  readonly commits: SandboxCommit[] = [];
  private readonly heads = new Map<string, string>();
  private readonly trees = new Map<string, Record<string, string>>();

  headSha(branch: string): string {
    const head = this.heads.get(branch);
    if (head) return head;
    const root = createHash('sha1').update(`root\0${branch}`).digest('hex');
    if (!this.trees.has(root)) this.trees.set(root, {});
    return root;
  }

  headTree(branch: string): Record<string, string> {
    return this.trees.get(this.headSha(branch)) ?? {};
  }

  /** The tree a `ref` names: a commit's sha, or a branch (`main`, `refs/heads/main`). */
  treeOfRef(ref: string): Record<string, string> {
    return this.trees.get(ref) ?? this.headTree(ref.replace(/^refs\/heads\//, ''));
  }

  filesAt(sha: string): Record<string, string> | undefined {
    const tree = this.trees.get(sha);
    return tree ? { ...tree } : undefined;
  }

  /** Any text ever committed whose blob sha is `sha`, as git keeps every blob. */
  blob(sha: string, blobSha: (text: string) => string): string | undefined {
    for (const tree of this.trees.values())
      for (const text of Object.values(tree)) if (blobSha(text) === sha) return text;
    return undefined;
  }

  commit(branch: string, path: string, text: string, message: string): SandboxCommit {
    const parent = this.headSha(branch);
    const tree = { ...this.headTree(branch), [path]: text };
    const sha = createHash('sha1')
      .update(`${parent}\0${this.commits.length}\0${message}\0${path}\0${text}`)
      .digest('hex');
    this.trees.set(sha, tree);
    this.heads.set(branch, sha);
    const entry = { sha, path, branch, message, text, parent, tree };
    this.commits.push(entry);
    return entry;
  }
}
