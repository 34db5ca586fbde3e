import { noFollowUp, type FollowUpRun } from '../github/follow-up-run.js';
import type { RetryPolicy } from '../http/retry.js';
import type { Clock, Logger } from '../ports.js';
import { keepLocally, type ProgressPublisher } from '../progress/progress-publisher.js';
import type { Settings } from '../settings/settings.js';
import { VivenuClient } from '../vivenu/vivenu-client.js';
import { Pacer } from '../webhook/pacer.js';
import { WebhookSender } from '../webhook/webhook-sender.js';

/**
 * Everything the pipeline uses to reach the world, built by the entry point (action, command,
 * demo, tests) and handed in, as checkout's `createCommandManager` is: a test passes its own.
 * Optional services are do-nothing objects, never missing ones (actions/cache's
 * `NullStateProvider`), so the pipeline asks no `?`.
 */
export interface RunServices {
  logger: Logger;
  clock: Clock;
  /** Aborts on cancel (SIGINT/SIGTERM); one that never aborts where nothing cancels. */
  signal: AbortSignal;
  random: () => number;
  vivenu: VivenuClient;
  /** A sender that leaves `intervalMs` between deliveries (0: at once, for the test delivery). */
  newWebhookSender(intervalMs: number): WebhookSender;
  /** Where the progress file is kept beyond this machine: the branch, or nowhere (`keepLocally`). */
  progressPublisher: ProgressPublisher;
  /** Starts the next run of an auto-continue chain; `noFollowUp` when there is none. */
  followUp: FollowUpRun;
}

/** What an entry point knows before the services exist. */
export interface ServiceBasics {
  logger: Logger;
  clock: Clock;
  signal?: AbortSignal;
  random?: () => number;
  /** Vivenu's and the receiver's retry policies; tests shorten them. */
  vivenuRetry?: RetryPolicy;
  webhookRetry?: RetryPolicy;
  /** GitHub's services, for a sync that commits (built by `createGitHubServices`). */
  github?: { progressPublisher: ProgressPublisher; followUp: FollowUpRun };
}

export function createRunServices(settings: Settings, basics: ServiceBasics): RunServices {
  const signal = basics.signal ?? new AbortController().signal;
  const random = basics.random ?? Math.random;
  const { logger, clock } = basics;
  const requestTimeoutMs = settings.requestTimeoutSeconds * 1000;
  return {
    logger,
    clock,
    signal,
    random,
    vivenu: new VivenuClient({
      origin: settings.vivenuOrigin,
      apiKey: settings.apiKey,
      region: settings.region,
      clock,
      logger,
      random,
      retry: basics.vivenuRetry,
      requestTimeoutMs,
      signal,
    }),
    newWebhookSender: (intervalMs) =>
      new WebhookSender({
        url: settings.webhookUrl,
        secret: settings.webhookSecret,
        clock,
        pacer: new Pacer(intervalMs, clock),
        random,
        retry: basics.webhookRetry,
        requestTimeoutMs,
        stop: signal,
        logger,
      }),
    progressPublisher: basics.github?.progressPublisher ?? keepLocally,
    followUp: basics.github?.followUp ?? noFollowUp,
  };
}
