export const id = 158;
export const ids = [158];
export const modules = {

/***/ 158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubServices: () => (/* binding */ createGitHubServices),
  followUpInputs: () => (/* binding */ followUpInputs),
  localOnly: () => (/* binding */ localOnly),
  runBranch: () => (/* binding */ runBranch),
  workflowFile: () => (/* binding */ workflowFile)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/progress/progress-publisher.ts
var progress_publisher = __webpack_require__(181);
// EXTERNAL MODULE: ./src/settings/settings.ts + 4 modules
var settings_settings = __webpack_require__(712);
// EXTERNAL MODULE: ./src/github/follow-up-run.ts
var follow_up_run = __webpack_require__(994);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 22 modules
var dist_src = __webpack_require__(891);
;// CONCATENATED MODULE: ./src/github/github-repository.ts

/** Every GitHub call this tool makes, in one place, through Octokit. */
class GitHubRepository {
    target;
    octokit;
    constructor(target) {
        this.target = target;
        this.octokit = new dist_src/* Octokit */.E({
            auth: target.token,
            baseUrl: target.apiUrl.replace(/\/+$/, ''),
            userAgent: 'vivenu-historical-sync',
            // Octokit's default logger prints request failures; callers report them in their own words.
            log: { debug: () => { }, info: () => { }, warn: () => { }, error: () => { } },
        });
    }
    /** Every call ends by the request timeout, or sooner when `signal` aborts. */
    bounded(signal) {
        const timeout = AbortSignal.timeout(this.target.requestTimeoutMs);
        return signal ? AbortSignal.any([signal, timeout]) : timeout;
    }
    /** The file on the branch, or undefined when it does not exist there yet. */
    async readFile(path, signal) {
        const { owner, repo, branch } = this.target;
        try {
            const { data } = await this.octokit.rest.repos.getContent({
                owner,
                repo,
                path,
                ref: branch,
                request: { signal: this.bounded(signal) },
            });
            if (Array.isArray(data) || data.type !== 'file')
                throw new Error(`${path} on ${branch} is not a file`);
            // Files over 1 MB come without content; their blob has it.
            if (data.encoding === 'base64' && data.content)
                return { sha: data.sha, text: Buffer.from(data.content, 'base64').toString('utf8') };
            const blob = await this.octokit.rest.git.getBlob({
                owner,
                repo,
                file_sha: data.sha,
                request: { signal: this.bounded(signal) },
            });
            return { sha: data.sha, text: Buffer.from(blob.data.content, 'base64').toString('utf8') };
        }
        catch (error) {
            if (statusOf(error) === 404)
                return undefined;
            throw error;
        }
    }
    /** One commit that creates (no `sha`) or updates (the current blob `sha`) the file. */
    async writeFile(path, text, message, sha, signal) {
        const { owner, repo, branch } = this.target;
        const { data } = await this.octokit.rest.repos.createOrUpdateFileContents({
            owner,
            repo,
            path,
            branch,
            message,
            content: Buffer.from(text, 'utf8').toString('base64'),
            ...(sha ? { sha } : {}),
            request: { signal: this.bounded(signal) },
        });
        return data.commit.sha ?? '';
    }
    /**
     * Starts `workflowFile` again on `ref` with `inputs`. Asks for the new run's address
     * (`return_run_details`); a GitHub that does not know that option gets the plain request.
     */
    async dispatchWorkflow(workflowFile, ref, inputs, signal) {
        const { owner, repo } = this.target;
        const route = 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches';
        const parameters = { owner, repo, workflow_id: workflowFile, ref, inputs };
        try {
            const { data } = await this.octokit.request(route, {
                ...parameters,
                return_run_details: true,
                request: { signal: this.bounded(signal) },
            });
            const details = (data ?? {});
            return details.html_url ?? details.run_url;
        }
        catch (error) {
            const status = statusOf(error);
            if ((status === 400 || status === 422) &&
                /return_run_details/.test(String(error.message))) {
                await this.octokit.request(route, {
                    ...parameters,
                    request: { signal: this.bounded(signal) },
                });
                return undefined;
            }
            throw error;
        }
    }
}
/**
 * The HTTP status GitHub answered with, if it answered. Octokit gives a failure below HTTP
 * (refused, reset, timed out, aborted) the status 500 too, but no `response`.
 */
function statusOf(error) {
    const { status, response } = (error ?? {});
    return typeof status === 'number' && response !== undefined ? status : undefined;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(916);
// EXTERNAL MODULE: ./src/http/retry.ts
var retry = __webpack_require__(902);
// EXTERNAL MODULE: ./src/progress/progress.ts + 2 modules
var progress_progress = __webpack_require__(414);
;// CONCATENATED MODULE: ./src/github/progress-committer.ts




/**
 * A file changed by someone else between our read and our write is read again at once, this
 * often: the delays are never used, as nothing is waited for.
 */
const conflictRetryPolicy = {
    maxAttempts: 5,
    baseDelayMs: 0,
    maxDelayMs: 0,
    maxRetryAfterMs: 0,
};
/** GitHub's own words are shown, one line and this long at most. */
const ANSWER_CHARACTERS = 200;
/**
 * Commits the progress file to the branch the run started from, one commit per publish:
 * `historical sync: PROD +120 sent (870) [skip ci]`. The first creates the file; later ones
 * update it with its current `sha`; when the file changed meanwhile (409 naming the sha, or 422
 * for a file created meanwhile) it is read again, this run's changes are merged on top, and the
 * write is tried again. Every other answer is returned, classified, for the keeper to act on.
 */
class ProgressCommitter {
    repository;
    options;
    where;
    /** Connections GitHub's address refused in a row, across publishes (the keeper retries them). */
    refusedInARow = 0;
    constructor(repository, options) {
        this.repository = repository;
        this.options = options;
        this.where = `${options.repository}@${options.branch}`;
    }
    async publish(progress, reason, signal) {
        const { logger, path } = this.options;
        return (0,retry/* retrying */.R$)(async () => {
            try {
                const made = await this.commitOnce(progress, reason, signal);
                this.refusedInARow = 0;
                if (made)
                    logger.info(`Committed ${path} to ${this.where} (${reason}): ${made.message}`);
                return { kind: 'done', value: { landed: true, commit: made?.sha } };
            }
            catch (error) {
                const failure = classifyCommitFailure(error, this.options, this.refusedInARow);
                this.refusedInARow = isRefusal(error) ? this.refusedInARow + 1 : 0;
                if (failure !== 'conflict')
                    return { kind: 'give-up', value: { landed: false, failure } };
                return { kind: 'retry', reason: String(statusOf(error)) };
            }
        }, {
            // No wait: a conflict is someone else's commit landing, not GitHub's load.
            policy: conflictRetryPolicy,
            exhausted: (_, attempts) => ({
                landed: false,
                failure: {
                    kind: 'unavailable',
                    message: `${path} kept changing on ${this.where} (${attempts} tries)`,
                },
            }),
            onRetry: (conflict) => logger.info(`${path} changed on ${this.where} meanwhile (${conflict.reason}): reading it again and merging`),
        });
    }
    async read(signal) {
        const { path } = this.options;
        try {
            const published = await this.repository.readFile(path, signal);
            this.refusedInARow = 0;
            const progress = published && progress_progress/* Progress */.ke.parse(published.text, `${this.where}:${path}`);
            return { read: true, progress };
        }
        catch (error) {
            const failure = classifyCommitFailure(error, this.options, this.refusedInARow);
            this.refusedInARow = isRefusal(error) ? this.refusedInARow + 1 : 0;
            // A GET meets no conflict; should GitHub answer 409 anyway, it is not worth waiting for.
            if (failure === 'conflict')
                return { read: false, failure: { kind: 'refused', message: `GitHub answered 409` } };
            return { read: false, failure };
        }
    }
    /**
     * Reads the published file, applies everything this machine knows on top, and writes it
     * back once; undefined when the published file already holds all of it (except at `start`,
     * which writes to prove it can).
     */
    async commitOnce(local, reason, signal) {
        const { path, region, clock } = this.options;
        const published = await this.repository.readFile(path, signal);
        const before = published && progress_progress/* Progress */.ke.parse(published.text, `${this.where}:${path}`);
        const publishedTotal = before?.ticketsSent ?? 0;
        const publishedFingerprint = before?.fingerprint();
        const merged = (0,progress_progress/* mergeProgress */.o$)(before, local);
        if (reason !== 'start' && merged.fingerprint() === publishedFingerprint)
            return undefined;
        const message = reason === 'start'
            ? `historical sync: ${region} starting (${merged.ticketsSent} sent so far) [skip ci]`
            : `historical sync: ${region} +${merged.ticketsSent - publishedTotal} sent (${merged.ticketsSent}) [skip ci]`;
        const text = merged.serialize(region, new Date(clock.now()));
        const sha = await this.repository.writeFile(path, text, message, published?.sha, signal);
        return { sha, message: `${message} ${sha.slice(0, 7)}` };
    }
}
/** GitHub's `message`, as one bounded line. */
function gitHubSaid(error) {
    const data = error?.response?.data;
    const message = data?.message;
    return typeof message === 'string'
        ? message.replace(/\s+/g, ' ').trim().slice(0, ANSWER_CHARACTERS)
        : '';
}
/**
 * What a failed commit means, from what GitHub answered, not from the status code alone: a 409
 * is either our `sha` gone stale (read again and merge) or a branch rule (no retry will help).
 * Sources for GitHub's answers: docs.github.com/en/rest/repos/contents#create-or-update-file-contents
 * (409 and 422 listed), docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 * (403 `Resource not accessible by integration` for a token without the permission), the rate
 * limit page (403 or 429 that say "rate limit"), and the 409 messages quoted in
 * sandbox/github-sandbox.ts for protected branches and rulesets.
 */
function classifyCommitFailure(error, target, refusedBefore = 0) {
    const status = statusOf(error);
    const said = gitHubSaid(error);
    const answer = `${status}${said ? ` ${said}` : ''}`;
    if (error instanceof errors/* ProgressFileError */.E2)
        return { kind: 'refused', message: error.message };
    if (status === undefined) {
        const url = requestUrl(error);
        const network = url ? (0,retry/* classifyNetworkFailure */.Po)(error, url, refusedBefore) : undefined;
        if (network?.lasting) {
            return {
                kind: 'refused',
                message: `github-api-url (${new URL(url).origin}) cannot work: ${network.lasting}; no retry can fix this`,
            };
        }
        // Octokit keeps what fetch threw as the cause.
        const cause = error?.cause ?? error;
        const name = cause?.name;
        const why = name === 'TimeoutError'
            ? 'GitHub did not answer within request-timeout'
            : cause === error || name !== 'TypeError'
                ? `no answer from GitHub: ${cause?.message ?? String(cause)}`
                : `no answer from GitHub: ${(0,retry/* describeNetworkError */.gl)(cause)}`;
        return { kind: 'unavailable', message: why };
    }
    if (status === 401) {
        return {
            kind: 'token-refused',
            message: `GitHub refused the github-token (${answer}): it is wrong or has expired`,
        };
    }
    if ((status === 403 || status === 429) && /rate limit/i.test(said)) {
        return { kind: 'unavailable', message: `GitHub's rate limit (${answer})` };
    }
    if (status === 403 && /not accessible by integration/i.test(said)) {
        return {
            kind: 'missing-permission',
            message: `the token may not write to ${target.repository} (${answer}): grant \`contents: write\` ` +
                'to the job that runs the sync (its `permissions:` in .github/workflows/historical-sync.yml), or pass a github-token that has it',
        };
    }
    if (status === 409 &&
        /rule|protected|pull request|status check|could not update file/i.test(said)) {
        return {
            kind: 'protected-branch',
            message: `${target.branch} takes changes only through pull requests (${answer}): give the action a token ` +
                'allowed to bypass the rule (a GitHub App: see "Protected branches", docs/runbook.md#protected-branches), or run from a branch without the rule',
        };
    }
    if (status === 409 || (status === 422 && /\bsha\b/i.test(said)))
        return 'conflict';
    if (status === 429 || status >= 500)
        return { kind: 'unavailable', message: `GitHub answered ${answer}` };
    if (status === 404) {
        return {
            kind: 'refused',
            message: `GitHub answered ${answer}: ${target.repository} or its branch ${target.branch} is not visible to this token`,
        };
    }
    return { kind: 'refused', message: `GitHub refused to commit ${target.path} (${answer})` };
}
/** The address Octokit asked, which its errors carry (`error.request.url`). */
function requestUrl(error) {
    const url = error?.request?.url;
    return typeof url === 'string' && URL.canParse(url) ? url : undefined;
}
/** A connection refused below HTTP (no status), for the count of refusals in a row. */
function isRefusal(error) {
    const url = requestUrl(error);
    return (statusOf(error) === undefined && url !== undefined && (0,retry/* classifyNetworkFailure */.Po)(error, url).refused);
}

;// CONCATENATED MODULE: ./src/github/github-services.ts






/** A run that keeps its progress on this machine only and starts no follow-up. */
const localOnly = { progressPublisher: progress_publisher/* keepLocally */._, followUp: follow_up_run/* noFollowUp */.C };
/** The branch a workflow run started from; undefined for a tag or a detached ref. */
function runBranch(env) {
    if (env.GITHUB_HEAD_REF)
        return env.GITHUB_HEAD_REF;
    const ref = env.GITHUB_REF ?? '';
    return ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
}
/** `.github/workflows/historical-sync.yml` from `owner/repo/.github/workflows/historical-sync.yml@refs/heads/main`. */
function workflowFile(workflowRef) {
    const match = /^[^/]+\/[^/]+\/(.+?)@/.exec(workflowRef ?? '');
    return match ? external_node_path_default().posix.basename(match[1]) : undefined;
}
/** Inputs for the follow-up run: this run's, as strings, with the chain counted on. */
function followUpInputs(eventInputs, runsBeforeInChain) {
    const inputs = {};
    for (const [name, value] of Object.entries(eventInputs ?? {})) {
        if (typeof value === 'string')
            inputs[name] = value;
        else if (typeof value === 'number' || typeof value === 'boolean')
            inputs[name] = String(value);
    }
    // The `continuation` input is the follow-up run's runsBeforeInChain.
    inputs.continuation = String(runsBeforeInChain + 1);
    return inputs;
}
/**
 * The two GitHub services a sync run may use, built from settings and the runner's context:
 * the progress file on the branch (read before selecting, committed as it goes; a dry run only
 * reads it), and continuing in a new run. Outside a runner (no GITHUB_REPOSITORY) progress
 * stays on this machine. On a runner, a sync that should commit but cannot (no token, not
 * started from a branch) gets a publisher that says why, so the run stops before its first
 * delivery instead of delivering what it could not record.
 */
function createGitHubServices(settings, runner, logger, clock) {
    if (!(0,settings_settings/* keepsProgressOnBranch */.fY)(settings))
        return localOnly;
    const { env } = runner;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) {
        logger.info('Progress stays in the workspace, not committed: GITHUB_REPOSITORY is not set.');
        return localOnly;
    }
    const branch = runBranch(env);
    const cannot = (message) => ({
        progressPublisher: (0,progress_publisher/* cannotPublish */.V)(`${owner}/${repo}`, { kind: 'refused', message }),
        followUp: follow_up_run/* noFollowUp */.C,
    });
    if (!settings.githubToken) {
        return cannot('github-token is empty: pass a token that may write contents (the default is the job token, ${{ github.token }})');
    }
    if (!branch) {
        return cannot(`the run did not start from a branch (${env.GITHUB_REF ?? 'no GITHUB_REF'}): start it from a branch, or set commit-progress to false`);
    }
    const repository = new GitHubRepository({
        apiUrl: settings.githubApiUrl || env.GITHUB_API_URL || 'https://api.github.com',
        token: settings.githubToken,
        owner,
        repo,
        branch,
        requestTimeoutMs: settings.requestTimeoutSeconds * 1000,
    });
    const publisher = new ProgressCommitter(repository, {
        path: external_node_path_default().relative(settings.workspace, settings.progressFile).split((external_node_path_default()).sep).join('/'),
        repository: `${owner}/${repo}`,
        branch,
        region: settings.region,
        clock,
        logger,
    });
    return {
        progressPublisher: publisher,
        followUp: followUp(settings, runner, repository, branch, logger),
    };
}
/** Dispatching this workflow again, when auto-continue is on and the chain may grow. */
function followUp(settings, runner, repository, branch, logger) {
    if (!settings.autoContinue || settings.dryRun || settings.mode !== 'sync')
        return follow_up_run/* noFollowUp */.C;
    const { env } = runner;
    const file = workflowFile(env.GITHUB_WORKFLOW_REF);
    if (!file) {
        logger.warning('auto-continue is on, but GITHUB_WORKFLOW_REF does not name a workflow file: no follow-up run.');
        return follow_up_run/* noFollowUp */.C;
    }
    if (settings.runsBeforeInChain >= settings.maxContinuations) {
        logger.warning(`auto-continue: this is run ${settings.runsBeforeInChain + 1} of the chain, the last max-continuations (${settings.maxContinuations}) allows.`);
        return follow_up_run/* noFollowUp */.C;
    }
    const ref = env.GITHUB_REF ?? `refs/heads/${branch}`;
    const inputs = followUpInputs(runner.eventInputs, settings.runsBeforeInChain);
    return (0,follow_up_run/* followUpBy */.W)((signal) => repository.dispatchWorkflow(file, ref, inputs, signal), logger);
}


/***/ })

};
