import { describe, expect, it } from 'vitest';
import { commandSafeLine, commandSafeText, logText, urlForDisplay } from '../../src/log-text.js';

describe('logText: an outside value stays on its line', () => {
  it.each([
    ['a new line', 'HIA\n::error::x', 'HIA\\n::error::x'],
    ['a carriage return (the runner ends a line there too)', 'a\r::warning::x', 'a\\r::warning::x'],
    ['a tab', 'a\tb', 'a\\tb'],
    ['NUL and ESC', 'a\u0000b\u001b[2J', 'a\\u0000b\\u001b[2J'],
    ['C1 next-line', 'a\u0085b', 'a\\u0085b'],
    ['Unicode line separators', 'a\u2028b\u2029c', 'a\\u2028b\\u2029c'],
    // actions/runner ActionCommand.TryParse: `##[` anywhere in a line is a legacy command.
    ['the legacy command prefix', 'CHARITY ##[error]x', 'CHARITY ##\\u005berror]x'],
    ['plain text', 'HYROX MEN | CHARITY HIA', 'HYROX MEN | CHARITY HIA'],
  ])('%s', (_what, value, shown) => {
    expect(logText(value)).toBe(shown);
  });

  it('shows a non-string as text', () => {
    expect(logText(42)).toBe('42');
    expect(logText(null)).toBe('null');
  });

  it('cuts a value past 1,000 characters, saying how long it was (issue 23, row 1)', () => {
    expect(logText('x'.repeat(50_000))).toBe(`${'x'.repeat(1_000)}… (50,000 characters in all)`);
    // Never inside a surrogate pair.
    expect(logText(`${'x'.repeat(999)}${'🏃'.repeat(10)}`)).toBe(
      `${'x'.repeat(999)}… (1,019 characters in all)`,
    );
  });

  it('never throws: a value without text of its own is named by its type', () => {
    expect(logText(Object.create(null))).toBe('(a value of type object)');
  });
});

describe('commandSafeText: no line the runner would read as a command', () => {
  it.each([
    ['::error::x', '\\u003a:error::x'],
    // ActionCommand.TryParseV2 trims leading white space first.
    ['   ::set-output name=a::b', '   \\u003a:set-output name=a::b'],
    ['\t::stop-commands::t', '\t\\u003a:stop-commands::t'],
    ['\u00a0::error::x', '\u00a0\\u003a:error::x'],
    ['\u0085::error::x', '\u0085\\u003a:error::x'],
    ['text ##[error]x', 'text ##\\u005berror]x'],
    ['a line with :: inside is not a command', 'a line with :: inside is not a command'],
  ])('%j', (line, safe) => {
    expect(commandSafeLine(line)).toBe(safe);
  });

  it('splits where the runner splits (\\r\\n, \\r, \\n) and makes each line safe', () => {
    expect(commandSafeText('first\n::error::a\r::warning::b\r\n  ::group::c')).toBe(
      'first\n\\u003a:error::a\n\\u003a:warning::b\n  \\u003a:group::c',
    );
  });

  it('leaves the lines the code writes as they are', () => {
    const message = 'Filtering results for event e:\n  - Total tickets: 3\n  - Eligible: 1';
    expect(commandSafeText(message)).toBe(message);
  });
});

describe('urlForDisplay: origin and path only', () => {
  it.each([
    ['https://r.example/hook?token=abc#frag', 'https://r.example/hook'],
    ['http://127.0.0.1:8080/test-created?t=1', 'http://127.0.0.1:8080/test-created'],
    ['https://r.example', 'https://r.example/'],
    ['not a url', '(a URL that does not parse)'],
  ])('%s', (url, shown) => {
    expect(urlForDisplay(url)).toBe(shown);
  });
});
