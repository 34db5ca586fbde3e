/**
 * The values the inputs' choices allow, and the defaults that are not one literal: the
 * receiver's endpoint by target, Vivenu's host by region. Plain values, so the table
 * (inputs.ts), the run and the tests share them; each input's literal default is the table's.
 */

export const MODES = ['sync', 'test', 'pull-only', 'redeliver'] as const;
export type Mode = (typeof MODES)[number];
export const TARGETS = ['test', 'prod'] as const;
export type Target = (typeof TARGETS)[number];
export const TICKET_STATUSES = [
  'VALID',
  'INVALID',
  'RESERVED',
  'DETAILSREQUIRED',
  'BLANK',
] as const;

/** The receiver's two endpoints: the test one answers like production but changes nothing real. */
export const WEBHOOK_TARGETS: Record<Target, string> = {
  test: 'https://vivenu-filter.high-impact-athletes.workers.dev/test-created',
  prod: 'https://vivenu-filter.high-impact-athletes.workers.dev/ticket-created',
};

/** Raw input values by their action.yml names; empty or missing means "use the default". */
export type RawInputs = Readonly<Record<string, string | undefined>>;

/** Regions whose tickets live on Vivenu's staging host. */
const STAGING_REGIONS = new Set(['DEV', 'TEST']);
const STAGING_HOST = 'vivenu.dev';
export function defaultVivenuOrigin(region: string): string {
  return STAGING_REGIONS.has(region) ? `https://${STAGING_HOST}` : 'https://vivenu.com';
}

/**
 * Whether the run reads staging tickets: a staging region (its key is a staging account's,
 * wherever `vivenu-url` points), or Vivenu's staging host. Staging tickets may go to the
 * production receiver (the earlier tool sent DEV tickets there), but never unremarked.
 */
export function readsStaging(region: string, vivenuOrigin: string): boolean {
  const host = new URL(vivenuOrigin).hostname;
  return STAGING_REGIONS.has(region) || host === STAGING_HOST || host.endsWith(`.${STAGING_HOST}`);
}
