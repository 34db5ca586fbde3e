import { describe, expect, it } from 'vitest';
import { classifyCommitFailure } from '../../src/github/progress-committer.js';
import { ProgressFileError } from '../../src/errors.js';

const target = {
  path: 'historical_sync_progress_DEV.json',
  repository: 'hia/sync',
  branch: 'main',
};

/** An error shaped as Octokit throws one for an answer: its status and GitHub's JSON. */
function answered(status: number, message: string): Error {
  return Object.assign(new Error(message), { status, response: { status, data: { message } } });
}

/** As Octokit throws one when fetch failed: status 500 but no response, the cause kept. */
function unanswered(cause: Error): Error {
  return Object.assign(new Error(cause.message), { status: 500, cause });
}

describe('classifyCommitFailure: what GitHub answered, not the status alone', () => {
  it.each([
    // docs.github.com/en/rest/repos/contents#create-or-update-file-contents: 409 for a stale sha,
    // 422 when the file exists and no sha was given.
    [answered(409, 'historical_sync_progress_DEV.json does not match abc'), 'conflict'],
    [answered(422, 'Invalid request.\n\n"sha" wasn\'t supplied.'), 'conflict'],
    // The same 409 naming a branch rule is not a conflict.
    [
      answered(409, 'Could not update file: Changes must be made through a pull request.'),
      'protected-branch',
    ],
    [
      answered(
        409,
        'Repository rule violations found\n\nChanges must be made through a pull request.\n\n',
      ),
      'protected-branch',
    ],
    [
      answered(409, 'Could not update file: 2 of 2 required status checks are expected.'),
      'protected-branch',
    ],
    [answered(403, 'Resource not accessible by integration'), 'missing-permission'],
    [answered(403, 'You have exceeded a secondary rate limit.'), 'unavailable'],
    [answered(403, 'Resource protected by organization SAML enforcement.'), 'refused'],
    [answered(401, 'Bad credentials'), 'token-refused'],
    [answered(404, 'Not Found'), 'refused'],
    [answered(422, "Invalid request. For 'properties/content', nil is not a string."), 'refused'],
    [answered(429, 'Too many requests'), 'unavailable'],
    [answered(502, 'Server Error'), 'unavailable'],
    [
      unanswered(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })),
      'unavailable',
    ],
    [
      unanswered(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
      'unavailable',
    ],
    [new ProgressFileError('progress file x is not valid JSON'), 'refused'],
  ] as const)('%s → %s', (error, kind) => {
    const failure = classifyCommitFailure(error, target);
    expect(failure === 'conflict' ? failure : failure.kind).toBe(kind);
  });

  it('says what to do, in one line, with GitHub’s own words', () => {
    const permission = classifyCommitFailure(
      answered(403, 'Resource not accessible by integration'),
      target,
    );
    expect(permission !== 'conflict' && permission.message).toContain(
      'grant `contents: write` to the job that runs the sync',
    );
    const ruleset = classifyCommitFailure(
      answered(
        409,
        'Repository rule violations found\n\nChanges must be made through a pull request.\n\n',
      ),
      target,
    );
    expect(ruleset).toMatchObject({
      message:
        'main takes changes only through pull requests (409 Repository rule violations found Changes must be made through a pull request.): ' +
        'give the action a token allowed to bypass the rule (a GitHub App: see "Protected branches", docs/runbook.md#protected-branches), or run from a branch without the rule',
    });
    const reset = classifyCommitFailure(
      unanswered(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } })),
      target,
    );
    expect(reset).toEqual({
      kind: 'unavailable',
      message: 'no answer from GitHub: connection reset (ECONNRESET)',
    });
    const long = classifyCommitFailure(answered(418, `x\n::error::${'y'.repeat(500)}`), target);
    expect(long !== 'conflict' && long.message).not.toMatch(/\n/);
    expect(long !== 'conflict' && long.message.length).toBeLessThan(320);
  });
});
