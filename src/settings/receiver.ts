import { createHash } from 'node:crypto';
import { urlForDisplay } from '../log-text.js';
import { WEBHOOK_TARGETS } from './input-defaults.js';

/**
 * The receiver a run delivers to, decided once from the URL it posts to. What was delivered is
 * recorded against the receiver it reached: a sync to the test receiver must not make the
 * production receiver skip those tickets, so each receiver keeps its own progress file (and
 * its own ledger beside the tickets).
 */
export interface Receiver {
  /** The production endpoint, the test endpoint, or a `webhook-url` of the operator's own. */
  kind: 'production' | 'test' | 'custom';
  /** Origin and path: as people see it and as the progress file records it (never a query). */
  address: string;
  /**
   * What the receiver's files add to their names: nothing for production (the earlier tool's
   * `historical_sync_progress_<REGION>.json`: its sync always posted to production),
   * `.test-receiver` for the test endpoint, `.receiver-<12 hex>` for any other URL. A dot, which
   * a region name cannot hold, so no region's file is another receiver's.
   */
  fileTag: string;
}

/** Hex digits of the address's SHA-256 in a custom receiver's file names: 48 bits. */
const CUSTOM_TAG_HEX = 12;

export function receiverAt(webhookUrl: string): Receiver {
  const address = urlForDisplay(webhookUrl);
  if (address === urlForDisplay(WEBHOOK_TARGETS.prod))
    return { kind: 'production', address, fileTag: '' };
  if (address === urlForDisplay(WEBHOOK_TARGETS.test))
    return { kind: 'test', address, fileTag: '.test-receiver' };
  const hash = createHash('sha256').update(address).digest('hex').slice(0, CUSTOM_TAG_HEX);
  return { kind: 'custom', address, fileTag: `.receiver-${hash}` };
}

/** The receiver's progress file for a region: `historical_sync_progress_PROD.test-receiver.json`. */
export function defaultProgressFile(region: string, receiver: Pick<Receiver, 'fileTag'>): string {
  return `historical_sync_progress_${region}${receiver.fileTag}.json`;
}

/** The receiver's ledger in each event's folder: `delivery-ledger.test-receiver.csv`. */
export function ledgerFileName(receiver: Pick<Receiver, 'fileTag'>): string {
  return `delivery-ledger${receiver.fileTag}.csv`;
}
