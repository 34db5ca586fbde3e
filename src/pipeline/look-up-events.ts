import { logText } from '../log-text.js';
import { eventTitle, type EventInfo } from '../vivenu/event-info.js';
import type { PipelineRun } from '../modes/mode-run.js';

/**
 * Asks Vivenu for each event's name and dates, to show which event an id is. Failure policy:
 * a 404 (the event is not this account's: most likely another region's) or a refused key
 * fails the run before anything is pulled or sent; a 403 (the key may not read events) is said
 * once and the run goes on, as do answers that kept failing or are not an event: the name is a
 * convenience, the tickets are the job.
 */
export async function lookUpEvents({
  settings,
  services,
  note,
}: PipelineRun): Promise<EventInfo[]> {
  const { logger, vivenu } = services;
  const events: EventInfo[] = [];
  for (const eventId of settings.eventIds) {
    const lookup = await vivenu.fetchEvent(eventId);
    if (lookup.kind === 'found') {
      events.push(lookup.info);
      note({ kind: 'event-named', event: lookup.info });
      logger.info(`Event ${eventId}: ${logText(eventTitle(lookup.info))}`);
    } else if (lookup.kind === 'forbidden') {
      logger.warning(
        `The ${settings.region}_API key may not read events (403 from ${settings.vivenuOrigin}/api/events): events are shown by id only. The tickets are pulled as before.`,
      );
      return events;
    } else {
      logger.warning(
        `event ${eventId}: its name is not known (${logText(lookup.reason)}): shown by id only. The tickets are pulled as before.`,
      );
    }
  }
  return events;
}
