/**
 * The inputs as action.yml declares them: their names, their defaults, and the values the
 * choices allow. Plain values, so the action, the CLI, the checks and the tests share them.
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

/** The defaults action.yml declares; the CLI and tests use the same ones. */
export const INPUT_DEFAULTS = {
  mode: 'sync',
  'vivenu-url': '',
  'page-size': '100',
  'pull-concurrency': '2',
  'tickets-dir': 'purchased_tickets',
  target: 'test',
  'webhook-url': '',
  'webhook-secret': '',
  interval: '1.8',
  statuses: 'VALID,DETAILSREQUIRED',
  'name-contains': 'CHARITY',
  'sold-before': '',
  'ticket-ids': '',
  limit: '0',
  'dry-run': 'false',
  resync: 'false',
  'progress-file': '',
  'max-runtime-minutes': '330',
  'fail-on-ticket-errors': 'true',
  'request-timeout': '30',
  'commit-progress': 'true',
  'github-token': '',
  'commit-every-minutes': '10',
  'github-api-url': '',
  'auto-continue': 'false',
  continuation: '0',
  'max-continuations': '10',
} as const satisfies RawInputs;

/** Every input the action declares, in action.yml's order. */
export const INPUT_NAMES = ['region', 'event-id', 'api-key', ...Object.keys(INPUT_DEFAULTS)];

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
