/**
 * The rules the emulation follows where GitHub decides something around the workflow files,
 * each with a naive alternative: the model a test suite falls into when it does not check
 * (most were this emulation's own model before issue 19). The alternatives exist only for the
 * mutation table (test/workflows/emulation-rules.test.ts), which shows that each rule is what
 * catches its defect: under the alternative, the defect goes unseen.
 */
export interface EmulationRules {
  /**
   * (a) What a dispatch's `number` field is in `inputs`: `text`, as GitHub gives it (see
   * fillForm in dispatch-form.ts), or `typed` (a number).
   */
  numberFields: 'text' | 'typed';
  /**
   * (b) Whether each `with:` value of a reusable-workflow call is checked against the type the
   * called workflow declares before any job starts (`checked`, see call-inputs.ts) or taken as
   * it comes (`unchecked`).
   */
  callInputTypes: 'checked' | 'unchecked';
  /**
   * (c) What actions/checkout gets: the tree of the run's `github.sha` (`run-sha`, see
   * checkout in emulated-job.ts), or the branch's head when the job starts (`branch-head`).
   */
  checkout: 'run-sha' | 'branch-head';
  /**
   * (d) The commit a re-run starts from: the run's own `github.sha` (`same-sha`, see
   * ActionsEmulator.rerun), or the branch's head when re-run (`branch-head`).
   */
  rerunSha: 'same-sha' | 'branch-head';
  /**
   * (e) How a concurrency group holds runs: as GitHub does, `queue` included (`github`, see
   * concurrency-groups.ts), or as if every group kept one pending run (`single-pending`, the
   * rule before 2026-05-07), or not at all (`none`: every run starts at once).
   */
  concurrency: 'github' | 'single-pending' | 'none';
  /** (f) Whether a job's `timeout-minutes` ends it (`enforced`, see emulated-job.ts) or not. */
  timeout: 'enforced' | 'ignored';
}

export const GITHUB_RULES: EmulationRules = {
  numberFields: 'text',
  callInputTypes: 'checked',
  checkout: 'run-sha',
  rerunSha: 'same-sha',
  concurrency: 'github',
  timeout: 'enforced',
};

/** Each rule's naive alternative, for the mutation table. */
export const NAIVE_RULES: EmulationRules = {
  numberFields: 'typed',
  callInputTypes: 'unchecked',
  checkout: 'branch-head',
  rerunSha: 'branch-head',
  concurrency: 'single-pending',
  timeout: 'ignored',
};
