import { count } from '../format.js';
import { logText } from '../log-text.js';
import type { Clock, Logger } from '../ports.js';
import { SharedStrings } from './shared-strings.js';
import { compactJson, MAX_TICKET_DEPTH, nestedDeeperThan } from './ticket-json.js';
import { compareByCreation, type Ticket } from './tickets.js';
import {
  hasId,
  MAX_PAGE_SIZE,
  MIN_PAGE_SIZE,
  type PageRow,
  type UnidentifiedRow,
  type VivenuClient,
} from './vivenu-client.js';

export interface PulledEvent {
  eventId: string;
  /** Unique by `_id`, oldest first. */
  tickets: Ticket[];
  /**
   * Rows without a string `_id`, each once, as received: they cannot be recorded as sent, so
   * they are never delivered; they are kept for review.
   */
  withoutId: UnidentifiedRow[];
  /**
   * Rows nested deeper than MAX_TICKET_DEPTH, each once, as received: JSON.stringify cannot
   * write them (issue 23, row 2), so they are never delivered; they are kept for review.
   */
  tooDeep: PageRow[];
  /** Vivenu's `total` on the last page read. */
  totalReported: number;
  apiCalls: number;
  retries: number;
  passes: number;
  durationMs: number;
  /** False when the pull is untrusted (see `untrusted`). */
  complete: boolean;
  /** Why what was pulled cannot be trusted to be the event, with the numbers; unset when it can. */
  untrusted?: string;
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
/**
 * Pages in a row that bring no row not already met this pass: Vivenu is repeating itself
 * (issue 11: `total: 1e9` with the same rows on every page paged until the job timed out).
 * One such page can happen when sales shift rows; two in a row is not paging any more.
 */
const REPEATED_PAGES_IN_A_ROW = 2;
/**
 * Past Vivenu's largest `total`, paging goes on (to show how far off it is) for at most this many
 * more tickets, or as many again as `total`, whichever is more: a server whose pages never end
 * must not keep the job paging, and the pull is untrusted already.
 */
const MOST_TICKETS_PAST_TOTAL = 10_000;

interface Range {
  skip: number;
  top: number;
}

/**
 * Every ticket of one event. Vivenu has no sort parameter and sales go on while we page, so
 * rows can move between pages: tickets are collected by `_id`, and a pass that ends short of
 * `total` is followed by one more pass to pick up what moved.
 *
 * Paging ends on a short page (fewer rows than asked) or an empty one, never on `total`
 * alone: a `total` that lies low would otherwise hide the rest of the event. `total` is the
 * check: more unique rows than Vivenu ever reported, fewer than it reports after a second
 * pass, or pages that repeat, and the pull is untrusted (`untrusted` says why).
 */
export async function pullEvent(eventId: string, options: PullOptions): Promise<PulledEvent> {
  const { client, clock, logger } = options;
  const started = clock.monotonic();
  const callsBefore = client.apiCalls;
  const retriesBefore = client.retries;
  const pass = new PagingPass(eventId, options);

  while (pass.passes < 2) {
    await pass.run();
    if (pass.repeated || pass.unique >= pass.total) break;
    if (pass.passes === 1) {
      logger.info(
        `${count(pass.unique)} unique of ${count(pass.total)} reported: tickets moved between pages while paging; paging once more`,
      );
    }
  }

  const untrusted = untrustedReason(eventId, pass);
  return {
    eventId,
    tickets: [...pass.seen.values()].sort(compareByCreation),
    withoutId: [...pass.withoutId.values()],
    tooDeep: [...pass.tooDeep.values()],
    totalReported: pass.total,
    apiCalls: client.apiCalls - callsBefore,
    retries: client.retries - retriesBefore,
    passes: pass.passes,
    durationMs: clock.monotonic() - started,
    complete: untrusted === undefined,
    ...(untrusted === undefined ? {} : { untrusted }),
  };
}

/** Why the pass's rows cannot be taken for the event, with the numbers; undefined when they can. */
function untrustedReason(eventId: string, pass: PagingPass): string | undefined {
  const event = logText(eventId);
  if (pass.repeated) {
    const [first, second] = pass.repeated.map((skip) => count(skip));
    return (
      `event ${event}: Vivenu's pages repeat: the pages from ticket ${first} and from ticket ${second} ` +
      `brought no ticket not already pulled (${count(pass.unique)} unique pulled, Vivenu reported ${count(pass.largestTotalEver)}). ` +
      `The pull is not trusted; the files hold what was pulled. Run again later; if it repeats, report these numbers to Vivenu.`
    );
  }
  if (pass.unique > pass.largestTotalEver) {
    return (
      `event ${event}: pulled ${count(pass.unique)} unique tickets but Vivenu never reported more than ` +
      `${count(pass.largestTotalEver)}: pages kept coming full past its total. The pull is not trusted; ` +
      `the files hold what was pulled. Run again later; if it repeats, report these numbers to Vivenu.`
    );
  }
  if (pass.unique < pass.total) {
    return (
      `event ${eventId}: pulled ${count(pass.unique)} unique tickets but Vivenu reported ` +
      `${count(pass.total)}, even after paging a second time. Tickets may be ` +
      `selling right now, or Vivenu's count is off; the files hold what was pulled. Run again.`
    );
  }
  return undefined;
}

/**
 * Pages through the event: the first page alone (it tells `total`), then up to `concurrency`
 * pages at once, each asking for as many tickets as the last answers allow. A page that
 * comes back short of what it covered (a halved page size, a server cap) before Vivenu's
 * `total` leaves a gap that is asked for again, so no offset is skipped; an empty answer
 * there ends the pass. Past `total`, pages go one at a time until a short or empty page.
 */
class PagingPass {
  readonly seen = new Map<string, Ticket>();
  /** Rows without a string `_id`, keyed by their JSON: the same row on two pages is kept once. */
  readonly withoutId = new Map<string, UnidentifiedRow>();
  /** Rows too deep to write with JSON.stringify, keyed by `_id` (or their text without one). */
  readonly tooDeep = new Map<string, PageRow>();
  /** Every ticket is held until the pull ends: repeated values are held once. */
  private readonly strings = new SharedStrings();
  total = 0;
  /** The largest `total` any page of any pass reported: the most the event can hold. */
  largestTotalEver = 0;
  passes = 0;
  /** The offsets of the pages that repeated, when paging stopped for it. */
  repeated?: [number, number];
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
  /** An empty page at this offset, or the end of a short page past `total`: nothing lies beyond. */
  private endAt = Number.POSITIVE_INFINITY;
  private gaps: Range[] = [];
  /** Ids met in a second pass, which re-reads rows the first pass met. */
  private metThisPass?: Set<string>;
  /** Offsets of the latest pages in a row that brought nothing new this pass. */
  private pagesWithNothingNew: number[] = [];

  constructor(
    private readonly eventId: string,
    private readonly options: PullOptions,
  ) {
    this.pageSize = options.pageSize;
    this.maxPageSize = Math.max(options.pageSize, options.maxPageSize ?? MAX_PAGE_SIZE);
    this.concurrency = Math.max(1, options.concurrency ?? 1);
  }

  /** Unique rows so far: tickets by `_id`, the rows without one, and those too deep. */
  get unique(): number {
    return this.seen.size + this.withoutId.size + this.tooDeep.size;
  }

  async run(): Promise<void> {
    this.passes++;
    this.largestTotal = 0;
    this.endAt = Number.POSITIVE_INFINITY;
    this.gaps = [];
    this.pagesWithNothingNew = [];
    this.metThisPass = this.passes > 1 ? new Set() : undefined;
    this.nextSkip = this.pageSize;
    await this.read({ skip: 0, top: this.pageSize });
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      const range = inFlight.size < this.pagesAllowedInFlight() ? this.takeRange() : undefined;
      if (range) {
        const reading: Promise<void> = this.read(range).finally(() => inFlight.delete(reading));
        inFlight.add(reading);
        continue;
      }
      if (inFlight.size === 0) return;
      await Promise.race(inFlight);
    }
  }

  /**
   * One page at a time after a 429, and past the reported `total`, where each page may be the
   * last (an honest Vivenu answers there with a short or empty page).
   */
  private pagesAllowedInFlight(): number {
    if (this.options.clock.monotonic() < this.calmUntil) return 1;
    if (this.gaps.length === 0 && this.nextSkip >= this.largestTotal) return 1;
    return this.concurrency;
  }

  private takeRange(): Range | undefined {
    if (this.repeated || this.unique > this.mostTicketsBelieved()) return undefined;
    while (this.gaps.length > 0) {
      const gap = this.gaps.shift()!;
      if (gap.skip >= this.endAt) continue;
      // A gap is asked for at the current page size (after a 503 storm, in smaller pieces),
      // but never leaving a sliver smaller than the smallest page.
      if (gap.top - this.pageSize >= MIN_PAGE_SIZE) {
        this.gaps.unshift({ skip: gap.skip + this.pageSize, top: gap.top - this.pageSize });
        return { skip: gap.skip, top: this.pageSize };
      }
      return gap;
    }
    if (this.nextSkip >= this.endAt) return undefined;
    const range = { skip: this.nextSkip, top: this.pageSize };
    this.nextSkip += range.top;
    return range;
  }

  /** Beyond this many unique rows, paging stops: no honest event of this `total` holds them. */
  private mostTicketsBelieved(): number {
    const total = this.largestTotalEver;
    return Math.max(2 * total, total + MOST_TICKETS_PAST_TOTAL);
  }

  private async read(range: Range): Promise<void> {
    const { client, clock, logger } = this.options;
    const started = clock.monotonic();
    const page = await client.fetchPage(this.eventId, range.skip, range.top);
    const elapsed = clock.monotonic() - started;

    this.total = page.total;
    this.largestTotal = Math.max(this.largestTotal, page.total);
    this.largestTotalEver = Math.max(this.largestTotalEver, page.total);
    let nothingNew = page.rows.length > 0;
    for (const row of page.rows) if (this.keep(row)) nothingNew = false;
    this.noteRepeats(range.skip, page.rows.length, nothingNew);
    this.noteEnd(range, page.rows.length, page.pageSize);
    this.pagesRead++;
    logger.info(`page ${this.pagesRead}: ${count(this.unique)}/${count(page.total)}`);
    this.adapt(page.pageSize, range.top, elapsed);
  }

  /** Holds `row` unless it was held already; true when it is new to this pass. */
  private keep(row: PageRow): boolean {
    let isNew: boolean;
    let key: string;
    // First, before anything recurses into it (JSON.stringify would, for the key below).
    if (nestedDeeperThan(row, MAX_TICKET_DEPTH)) {
      key = hasId(row) ? row._id : compactJson(row);
      isNew = !this.tooDeep.has(key);
      if (isNew) this.tooDeep.set(key, row);
      key = `\u0001${key}`;
    } else if (hasId(row)) {
      key = row._id;
      isNew = !this.seen.has(key);
      if (isNew) this.seen.set(key, this.strings.share(row));
    } else {
      key = JSON.stringify(row);
      isNew = !this.withoutId.has(key);
      if (isNew) this.withoutId.set(key, row);
      key = `\u0000${key}`;
    }
    if (!this.metThisPass) return isNew;
    const newThisPass = !this.metThisPass.has(key);
    this.metThisPass.add(key);
    return newThisPass;
  }

  /** Two non-empty pages in a row with nothing new end the pass: Vivenu is repeating itself. */
  private noteRepeats(skip: number, rows: number, nothingNew: boolean): void {
    if (rows === 0) return;
    if (!nothingNew) {
      this.pagesWithNothingNew = [];
      return;
    }
    this.pagesWithNothingNew.push(skip);
    if (this.pagesWithNothingNew.length >= REPEATED_PAGES_IN_A_ROW && !this.repeated) {
      const [first, second] = this.pagesWithNothingNew.slice(-2) as [number, number];
      this.repeated = [first, second];
    }
  }

  /**
   * Where the list ends, from a page's length: an empty page ends it; a short one ends it at
   * or past the reported `total`, and before it leaves the rest to be asked for again (a cap,
   * rows that moved). A page of a halved size leaves the rest of its range to ask for too.
   */
  private noteEnd(range: Range, rows: number, askedSize: number): void {
    if (rows === 0) {
      this.endAt = Math.min(this.endAt, range.skip);
    } else if (rows < askedSize && range.skip + rows >= this.largestTotal) {
      this.endAt = Math.min(this.endAt, range.skip + rows);
    } else if (rows < range.top && range.skip + rows < this.endAt) {
      this.gaps.push({ skip: range.skip + rows, top: range.top - rows });
    }
  }
  /** Grows the page size while pages are fast and healthy; shrinks it on 503s, 429s and slow pages. */
  private adapt(answeredSize: number, askedSize: number, elapsedMs: number): void {
    const { client, clock } = this.options;
    if (client.rateLimited > this.rateLimitedSeen) {
      this.rateLimitedSeen = client.rateLimited;
      this.calmUntil = clock.monotonic() + RATE_LIMIT_CALM_MS;
      return;
    }
    if (answeredSize < askedSize) this.pageSize = Math.min(this.pageSize, answeredSize);
    else if (elapsedMs >= SLOW_PAGE_MS)
      this.pageSize = Math.max(MIN_PAGE_SIZE, Math.floor(this.pageSize / 2));
    else if (elapsedMs < FAST_PAGE_MS && clock.monotonic() >= this.calmUntil) {
      this.pageSize = Math.min(this.maxPageSize, this.pageSize * 2);
    }
  }
}
