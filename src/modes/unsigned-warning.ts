import type { PipelineRun } from '../pipeline/pipeline-run.js';

/** Said before a run that delivers: a receiver that checks signatures will refuse every one. */
export function warnIfUnsigned({ settings, services }: PipelineRun): void {
  if (!settings.webhookSecret && !settings.dryRun) {
    services.logger.warning(
      'webhook-secret is empty: deliveries go unsigned, and a receiver that verifies x-vivenu-signature will answer 401.',
    );
  }
}
