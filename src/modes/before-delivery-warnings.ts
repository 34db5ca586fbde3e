import { unsignedWarning } from '../report/summary-phrases.js';
import type { PipelineRun } from './mode-run.js';

/**
 * Said before a run that delivers (or plans to), ahead of the first delivery: what the operator
 * must see before anything is sent.
 * - Unsigned: a receiver that checks signatures will refuse every delivery.
 * - Staging tickets to the production receiver: allowed (the earlier tool sent DEV tickets
 *   there), never unremarked.
 */
export function warnBeforeDelivering({ settings, services }: PipelineRun): void {
  const { logger } = services;
  if (settings.stagingTickets && settings.receiver.kind === 'production') {
    logger.warning(
      `Staging tickets (${settings.region}, ${settings.vivenuOrigin}) ${settings.dryRun ? 'would go' : 'go'} to the PRODUCTION receiver (${settings.receiver.address}). If that is not what you meant, use target test.`,
    );
  }
  if (!settings.webhookSecret && !settings.dryRun) {
    logger.warning(unsignedWarning('before'));
  }
}
