export const id = 971;
export const ids = [971];
export const modules = {

/***/ 1971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  followUpInputs: () => (/* binding */ followUpInputs),
  gitHubDoors: () => (/* binding */ gitHubDoors),
  runBranch: () => (/* binding */ runBranch),
  workflowFile: () => (/* binding */ workflowFile)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
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
    /** The file on the branch, or undefined when it does not exist there yet. */
    async readFile(path, signal) {
        const { owner, repo, branch } = this.target;
        try {
            const { data } = await this.octokit.rest.repos.getContent({
                owner,
                repo,
                path,
                ref: branch,
                request: { signal },
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
                request: { signal },
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
            request: { signal },
        });
        return data.commit.sha ?? '';
    }
    /**
     * Starts `workflowFile` again on `ref` with `inputs`. Asks for the new run's address
     * (`return_run_details`); a GitHub that does not know that option gets the plain request.
     */
    async dispatchWorkflow(workflowFile, ref, inputs) {
        const { owner, repo } = this.target;
        const route = 'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches';
        const parameters = { owner, repo, workflow_id: workflowFile, ref, inputs };
        try {
            const { data } = await this.octokit.request(route, {
                ...parameters,
                return_run_details: true,
            });
            const details = (data ?? {});
            return details.html_url ?? details.run_url;
        }
        catch (error) {
            const status = statusOf(error);
            if ((status === 400 || status === 422) &&
                /return_run_details/.test(String(error.message))) {
                await this.octokit.request(route, parameters);
                return undefined;
            }
            throw error;
        }
    }
}
/** The HTTP status of an Octokit error, if it has one. */
function statusOf(error) {
    const status = error?.status;
    return typeof status === 'number' ? status : undefined;
}

// EXTERNAL MODULE: ./src/format.ts
var format = __webpack_require__(6264);
// EXTERNAL MODULE: ./src/progress/progress.ts
var progress = __webpack_require__(8864);
;// CONCATENATED MODULE: ./src/github/progress-committer.ts



/** Attempts per publish: conflicts are re-read and merged, GitHub's passing 5xx waited out. */
const MAX_ATTEMPTS = 5;
/**
 * Commits the progress file to the branch the run started from, one commit per publish:
 * `historical sync: PROD +120 sent (870) [skip ci]`. The first creates the file; later ones
 * update it with its current `sha`; on 409 or 422 the file is read again, this run's changes
 * are merged on top, and the write is tried again.
 */
class ProgressCommitter {
    repository;
    options;
    periodMs;
    /** How many of this run's changes are in the repository already. */
    committedChanges = 0;
    commits = 0;
    constructor(repository, options) {
        this.repository = repository;
        this.options = options;
        this.periodMs = options.periodMs;
    }
    async publish(store, reason, signal) {
        // Between commits of one run, nothing new since the last commit means nothing to do.
        const changes = store.changesThisRun.length;
        if (this.commits > 0 && changes === this.committedChanges)
            return;
        const { logger, path, where, clock } = this.options;
        for (let attempt = 1;; attempt++) {
            try {
                const message = await this.commitOnce(store.progress, signal);
                this.committedChanges = changes;
                if (message) {
                    this.commits++;
                    logger.info(`Committed ${path} to ${where} (${reason}): ${message}`);
                }
                return;
            }
            catch (error) {
                const status = statusOf(error);
                const conflict = status === 409 || status === 422;
                // A 5xx or a dropped connection is GitHub's passing trouble; anything else is ours to report.
                const passing = (status === undefined || status >= 500) &&
                    !signal?.aborted &&
                    !(error instanceof progress/* ProgressFileError */.E2);
                if (attempt < MAX_ATTEMPTS && (conflict || passing)) {
                    logger.info(conflict
                        ? `${path} changed on ${where} meanwhile (${status}): reading it again and merging`
                        : `committing ${path} failed (${describeFailure(error)}): trying again`);
                    if (passing)
                        await clock.sleep(1_000 * attempt, signal);
                    continue;
                }
                logger.warning(`Could not commit ${path} to ${where} (${describeFailure(error)}): ` +
                    `it is kept in the workspace and the run goes on (${(0,format/* count */.U)(store.progress.ticketsSent)} delivered all-time here).`);
                return;
            }
        }
    }
    /**
     * Reads the published file, applies everything this machine knows on top, and writes it
     * back once; undefined when the published file already holds all of it.
     */
    async commitOnce(local, signal) {
        const { path, region, where, clock } = this.options;
        const published = await this.repository.readFile(path, signal);
        const before = published && progress/* Progress */.ke.parse(published.text, `${where}:${path}`);
        const publishedTotal = before?.ticketsSent ?? 0;
        const publishedFingerprint = before?.fingerprint();
        const merged = (0,progress/* mergeProgress */.o$)(before, local);
        if (merged.fingerprint() === publishedFingerprint)
            return undefined;
        const message = `historical sync: ${region} +${merged.ticketsSent - publishedTotal} sent (${merged.ticketsSent}) [skip ci]`;
        const text = merged.serialize(region, new Date(clock.now()));
        const commit = await this.repository.writeFile(path, text, message, published?.sha, signal);
        return `${message} ${commit.slice(0, 7)}`;
    }
}
function describeFailure(error) {
    const status = statusOf(error);
    if (status === 403 || status === 404) {
        return `${status}: the token may not write contents here; a protected branch needs a GitHub App token or a ruleset bypass, see the README`;
    }
    if (status === 401)
        return '401: the github-token was refused';
    if (error?.name === 'TimeoutError')
        return 'timed out';
    return status ? `HTTP ${status}` : String(error?.message ?? error);
}

;// CONCATENATED MODULE: ./src/github/github-doors.ts



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
function followUpInputs(eventInputs, continuation) {
    const inputs = {};
    for (const [name, value] of Object.entries(eventInputs ?? {})) {
        if (typeof value === 'string')
            inputs[name] = value;
        else if (typeof value === 'number' || typeof value === 'boolean')
            inputs[name] = String(value);
    }
    inputs.continuation = String(continuation + 1);
    return inputs;
}
/**
 * The two GitHub services a sync run may use, built from settings and the runner's context:
 * committing the progress file, and continuing in a new run. Each is left out, with a line
 * saying why, when it cannot work here.
 */
function gitHubDoors(settings, runner, logger, clock) {
    if (settings.mode !== 'sync' || settings.dryRun)
        return {};
    const { env } = runner;
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const branch = runBranch(env);
    const apiUrl = settings.githubApiUrl || env.GITHUB_API_URL || 'https://api.github.com';
    const missing = [
        !settings.githubToken && 'github-token is empty',
        !(owner && repo) && 'GITHUB_REPOSITORY is not set',
        !branch && `the run did not start from a branch (${env.GITHUB_REF ?? 'no GITHUB_REF'})`,
    ].filter(Boolean);
    if (missing.length > 0) {
        if (settings.commitProgress || settings.autoContinue) {
            logger.info(`Progress stays in the workspace, not committed: ${missing.join('; ')}.`);
        }
        return {};
    }
    const target = {
        apiUrl,
        token: settings.githubToken,
        owner: owner,
        repo: repo,
        branch: branch,
    };
    const repository = new GitHubRepository(target);
    const where = `${owner}/${repo}@${branch}`;
    const doors = {};
    if (settings.commitProgress) {
        const relative = external_node_path_default().relative(settings.workspace, settings.progressFile)
            .split((external_node_path_default()).sep)
            .join('/');
        doors.where = where;
        doors.publisher = new ProgressCommitter(repository, {
            path: relative,
            where,
            region: settings.region,
            periodMs: settings.commitEveryMinutes * 60_000,
            clock,
            logger,
        });
    }
    if (settings.autoContinue) {
        const file = workflowFile(env.GITHUB_WORKFLOW_REF);
        if (!file) {
            logger.warning('auto-continue is on, but GITHUB_WORKFLOW_REF does not name a workflow file: no follow-up run.');
        }
        else if (settings.continuation >= settings.maxContinuations) {
            logger.warning(`auto-continue: this is run ${settings.continuation + 1} of the chain, the last max-continuations (${settings.maxContinuations}) allows.`);
        }
        else {
            const ref = env.GITHUB_REF ?? `refs/heads/${branch}`;
            const inputs = followUpInputs(runner.eventInputs, settings.continuation);
            doors.continuation = { dispatch: () => repository.dispatchWorkflow(file, ref, inputs) };
        }
    }
    return doors;
}


/***/ })

};
