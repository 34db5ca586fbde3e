import { count } from '../format.js';
import type { Clock, Logger } from '../ports.js';
import { SharedStrings } from './shared-strings.js';
import { compareByCreation, type Ticket } from './tickets.js';
import { MAX_PAGE_SIZE, MIN_PAGE_SIZE, type VivenuClient } from './vivenu-client.js';

export interface PulledEvent {
  eventId: string;
  /** Unique by `_id`, oldest first. */
  tickets: Ticket[];
  /** Vivenu's `total` on the last page read. */
  totalReported: number;
  apiCalls: number;
  retries: number;
  passes: number;
  durationMs: number;
  /** False when fewer unique tickets than `totalReported` arrived even after a second pass. */
  complete: boolean;
}

export interface PullOptions {
  client: VivenuClient;
  clock: Clock;
  logger: Logger;
  /** The first page's size; later pages grow while Vivenu answers fast, up to `maxPageSize`. */
  pageSize: number;
  maxPageSize?: number;
  /** Pages in flight at once after the first (which comes alone, to learn `total`). */
  concurrency?: number;
}

/** A page answered this fast lets the next ask for twice as many tickets. */
export const FAST_PAGE_MS = 2_000;
/** A page this slow halves the next. */
export const SLOW_PAGE_MS = 10_000;
/** After a 429, one page at a time for this long. */
const RATE_LIMIT_CALM_MS = 30_000;

interface Range {
  skip: number;
  top: number;
}

/**
 * Every ticket of one event. Vivenu has no sort parameter and sales go on while we page, so
 * rows can move between pages: tickets are collected by `_id`, and a pass that ends short of
 * `total` is followed by one more pass to pick up what moved.
 */
export async function pullEvent(eventId: string, options: PullOptions): Promise<PulledEvent> {
  const { client, clock, logger } = options;
  const started = clock.now();
  const callsBefore = client.apiCalls;
  const retriesBefore = client.retries;
  const pass = new PagingPass(eventId, options);

  while (pass.passes < 2) {
    await pass.run();
    if (pass.seen.size >= pass.total) break;
    if (pass.passes === 1) {
      logger.info(
        `${count(pass.seen.size)} unique of ${count(pass.total)} reported: tickets moved between pages while paging; paging once more`,
      );
    }
  }

  return {
    eventId,
    tickets: [...pass.seen.values()].sort(compareByCreation),
    totalReported: pass.total,
    apiCalls: client.apiCalls - callsBefore,
    retries: client.retries - retriesBefore,
    passes: pass.passes,
    durationMs: clock.now() - started,
    complete: pass.seen.size >= pass.total,
  };
}

/**
 * Pages through the event: the first page alone (it tells `total`), then up to `concurrency`
 * pages at once, each asking for as many tickets as the last answers allow. A page that
 * comes back short of what it covered (a halved page size, a server cap) leaves a gap that
 * is asked for again, so no offset is skipped.
 */
class PagingPass {
  readonly seen = new Map<string, Ticket>();
  /** Every ticket is held until the pull ends: repeated values are held once. */
  private readonly strings = new SharedStrings();
  total = 0;
  passes = 0;
  private pageSize: number;
  private readonly maxPageSize: number;
  private readonly concurrency: number;
  private pagesRead = 0;
  private calmUntil = Number.NEGATIVE_INFINITY;
  private rateLimitedSeen = 0;
  // Per pass:
  private nextSkip = 0;
  /** A `total` that shrinks while we page must not end the pass early: page to the largest. */
  private largestTotal = 0;
  /** An empty page at this offset: nothing lies beyond it. */
  private emptyAt = Number.POSITIVE_INFINITY;
  private gaps: Range[] = [];

  constructor(
    private readonly eventId: string,
    private readonly options: PullOptions,
  ) {
    this.pageSize = options.pageSize;
    this.maxPageSize = Math.max(options.pageSize, options.maxPageSize ?? MAX_PAGE_SIZE);
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  async run(): Promise<void> {
    this.passes++;
    this.largestTotal = 0;
    this.emptyAt = Number.POSITIVE_INFINITY;
    this.gaps = [];
    this.nextSkip = this.pageSize;
    await this.read({ skip: 0, top: this.pageSize });
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const limit = this.options.clock.now() < this.calmUntil ? 1 : this.concurrency;
      const range = inFlight.size < limit ? this.takeRange() : undefined;
      if (range) {
        const reading: Promise<void> = this.read(range).finally(() => inFlight.delete(reading));
        inFlight.add(reading);
        continue;
      }
      if (inFlight.size === 0) return;
      await Promise.race(inFlight);
    }
  }

  private get end(): number {
    return Math.min(this.largestTotal, this.emptyAt);
  }

  private takeRange(): Range | undefined {
    while (this.gaps.length > 0) {
      const gap = this.gaps.shift()!;
      if (gap.skip >= this.end) continue;
      // A gap is asked for at the current page size (after a 503 storm, in smaller pieces),
      // but never leaving a sliver smaller than the smallest page.
      if (gap.top - this.pageSize >= MIN_PAGE_SIZE) {
        this.gaps.unshift({ skip: gap.skip + this.pageSize, top: gap.top - this.pageSize });
        return { skip: gap.skip, top: this.pageSize };
      }
      return gap;
    }
    if (this.nextSkip >= this.end) return undefined;
    const range = { skip: this.nextSkip, top: this.pageSize };
    this.nextSkip += range.top;
    return range;
  }

  private async read(range: Range): Promise<void> {
    const { client, clock, logger } = this.options;
    const started = clock.now();
    const page = await client.fetchPage(this.eventId, range.skip, range.top);
    const elapsed = clock.now() - started;

    this.total = page.total;
    this.largestTotal = Math.max(this.largestTotal, page.total);
    for (const row of page.rows) {
      if (!this.seen.has(row._id)) this.seen.set(row._id, this.strings.share(row));
    }
    if (page.rows.length === 0) this.emptyAt = Math.min(this.emptyAt, range.skip);
    else if (page.rows.length < range.top && range.skip + page.rows.length < this.end) {
      this.gaps.push({ skip: range.skip + page.rows.length, top: range.top - page.rows.length });
    }
    this.pagesRead++;
    logger.info(`page ${this.pagesRead}: ${count(this.seen.size)}/${count(page.total)}`);
    this.adapt(page.pageSize, range.top, elapsed);
  }

  /** Grows the page size while pages are fast and healthy; shrinks it on 503s, 429s and slow pages. */
  private adapt(answeredSize: number, askedSize: number, elapsedMs: number): void {
    const { client, clock } = this.options;
    if (client.rateLimited > this.rateLimitedSeen) {
      this.rateLimitedSeen = client.rateLimited;
      this.calmUntil = clock.now() + RATE_LIMIT_CALM_MS;
      return;
    }
    if (answeredSize < askedSize) this.pageSize = Math.min(this.pageSize, answeredSize);
    else if (elapsedMs >= SLOW_PAGE_MS)
      this.pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(this.pageSize / 2));
    else if (elapsedMs < FAST_PAGE_MS && clock.now() >= this.calmUntil) {
      this.pageSize = Math.min(this.maxPageSize, this.pageSize * 2);
    }
  }
}
