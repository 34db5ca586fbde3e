import { describe, expect, it } from 'vitest';
import { renderTextSummary } from '../../src/cli/text-summary.js';
import { renderJobSummary } from '../../src/report/job-summary.js';
import { eventsInTitle, type RunReport } from '../../src/run-report.js';
import { eventDates, eventTitle, parseEventInfo } from '../../src/vivenu/event-info.js';
import { runReport, syncReport } from '../support/run-reports.js';

const EVENT = '65a1b2c3d4e5f60718293a4b';

describe('parseEventInfo', () => {
  it('keeps the name and ISO dates, and nothing else of the event', () => {
    const answer = {
      _id: EVENT,
      name: '  HYROX Berlin ',
      start: '2026-05-23T08:00:00.000Z',
      end: '2026-05-24T18:00:00.000Z',
      tickets: [{ name: 'CHARITY' }],
    };
    expect(parseEventInfo(EVENT, answer)).toEqual({
      info: {
        eventId: EVENT,
        name: 'HYROX Berlin',
        start: '2026-05-23T08:00:00.000Z',
        end: '2026-05-24T18:00:00.000Z',
      },
    });
  });

  it('takes missing or unreadable dates as unknown, and cuts a very long name', () => {
    const parsed = parseEventInfo(EVENT, { name: 'x'.repeat(500), start: 'soon', end: 7 });
    expect(parsed).toEqual({
      info: { eventId: EVENT, name: `${'x'.repeat(119)}…`, start: null, end: null },
    });
  });

  it('says why an answer is not an event', () => {
    expect(parseEventInfo(EVENT, { rows: [] })).toMatchObject({
      problem: expect.stringMatching(/^answer is not an event \(name:/) as unknown,
    });
    expect(parseEventInfo(EVENT, { name: '   ' })).toHaveProperty('problem');
    expect(parseEventInfo(EVENT, null)).toHaveProperty('problem');
  });
});

describe('eventDates and eventTitle', () => {
  it.each([
    ['2026-05-23T08:00:00.000Z', '2026-05-24T18:00:00.000Z', '2026-05-23 to 2026-05-24'],
    ['2026-05-23T08:00:00.000Z', '2026-05-23T18:00:00.000Z', '2026-05-23'],
    ['2026-05-23T08:00:00.000Z', null, '2026-05-23'],
    [null, null, ''],
  ])('%s to %s reads "%s"', (start, end, shown) => {
    expect(eventDates({ start, end })).toBe(shown);
  });

  it('names the event, with its dates when known', () => {
    expect(eventTitle({ eventId: EVENT, name: 'A', start: null, end: null })).toBe('A');
  });
});

function reportWithName(name: string, events = 1): RunReport {
  return runReport({
    region: 'PROD',
    mode: 'pull-only',
    vivenuOrigin: 'https://vivenu.com',
    progressFile: '/w/p.json',
    webhookUrl: 'https://receiver.example/x',
    receiver: 'test',
    ledgerName: 'delivery-ledger.test-receiver.csv',
    events: Array.from({ length: events }, (_, i) => ({
      eventId: i === 0 ? EVENT : `${EVENT.slice(0, 23)}${i}`,
      name,
      start: '2026-05-23T08:00:00.000Z',
      end: null,
    })),
    syncs: [syncReport({ eventId: EVENT, found: 3, eligible: 3, sentNow: 3 })],
  });
}

describe('an event name in the summaries (an outside value)', () => {
  const hostile = '<img src=x> [click](https://evil.example) | *bold*\n::error::x ##[warning]y';

  it('cannot add HTML, a link, emphasis, a table column or a line to the job summary', () => {
    const summary = renderJobSummary(reportWithName(hostile));
    const [title] = summary.split('\n');
    expect(title).toBe(
      '## Vivenu historical sync · &lt;img src=x&gt; \\[click\\](https://evil.example) | \\*bold\\* ::error::x \\#\\#\\[warning\\]y (2026-05-23) · PROD · pull-only',
    );
    const row = summary.split('\n').find((line) => line.includes(`· ${EVENT} |`));
    expect(row).toBe(
      `| &lt;img src=x&gt; \\[click\\](https://evil.example) \\| \\*bold\\* ::error::x \\#\\#\\[warning\\]y (2026-05-23) · ${EVENT} | 3 | 3 | 0 | 3 | 0 | 0 |`,
    );
  });

  it('stays on its line in the text summary, and starts no workflow command', () => {
    const text = renderTextSummary(reportWithName(hostile));
    // The verdict comes first; the events have a line of their own after it.
    expect(text.split('\n').find((line) => line.startsWith('Event: '))).toBe(
      'Event: <img src=x> [click](https://evil.example) | *bold*\\n::error::x ##\\u005bwarning]y (2026-05-23)',
    );
  });

  it('names up to three events in a title, then counts the rest', () => {
    expect(eventsInTitle(reportWithName('E', 5))).toBe(
      'E (2026-05-23), E (2026-05-23), E (2026-05-23) and 2 more',
    );
  });
});
