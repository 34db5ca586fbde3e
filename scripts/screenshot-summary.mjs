// `npm run screenshot-summary`: the picture of a job summary that the README shows. Runs the
// demo (the bundled action against the sandboxes), keeps its job summary as
// docs/job-summary.md, renders that the way GitHub renders a job summary (GFM, raw HTML such
// as <details> kept, `> [!NOTE]` alerts styled, GitHub's stylesheet) and screenshots it with
// Debian's Chromium to docs/job-summary.png.
//
//   node scripts/screenshot-summary.mjs                      demo -> docs/job-summary.{md,png}
//   node scripts/screenshot-summary.mjs --markdown FILE      render FILE instead of running the demo
//   node scripts/screenshot-summary.mjs --out FILE.png       write the picture elsewhere
//
// A maintainer's tool: it needs a Chromium on the machine (CHROMIUM, or /usr/bin/chromium) and
// is no part of npm test or CI, whose machines have none.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { chromium } from 'playwright-core';

const DEMO_MARKDOWN = 'docs/job-summary.md';
const DEFAULT_PICTURE = 'docs/job-summary.png';
/** About the width of a job summary on a run's page. */
const PAGE_WIDTH = 1000;

/** GitHub's alerts: the class its stylesheet colours, and a title with a plain-text glyph. */
const ALERTS = {
  NOTE: 'ℹ️ Note',
  TIP: '💡 Tip',
  IMPORTANT: '❗ Important',
  WARNING: '⚠️ Warning',
  CAUTION: '⛔ Caution',
};

function fail(message) {
  process.stderr.write(`screenshot-summary: ${message}\n`);
  process.exit(1);
}

function chromiumPath() {
  const executable = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executable))
    fail(
      `no Chromium at ${executable}. This maintainer tool drives a Chromium installed on the ` +
        'machine (on Debian: apt-get install chromium fonts-noto-color-emoji), or set CHROMIUM ' +
        'to one. It is not part of npm test or CI.',
    );
  return executable;
}

/** Without a colour emoji font the verdict's icons show as empty boxes: say so, go on. */
function warnWithoutEmojiFont() {
  try {
    const fonts = execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' });
    if (!/emoji/i.test(fonts))
      process.stderr.write(
        'screenshot-summary: no emoji font found (apt-get install fonts-noto-color-emoji): icons will show as boxes.\n',
      );
  } catch {
    // No fontconfig to ask: Chromium will use whatever it finds.
  }
}

/** Runs the demo, which writes its job summary to `file`; the demo's own output is not needed. */
function demoSummary(file) {
  if (!existsSync('dist/index.js')) fail('no dist/index.js: run npm run build first.');
  process.stderr.write('screenshot-summary: running the demo (npm run demo) ...\n');
  const demo = spawnSync(process.execPath, ['--import', 'tsx', 'demo/demo.ts'], {
    env: { ...process.env, DEMO_SUMMARY_FILE: file },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (demo.status !== 0 || !existsSync(file)) {
    process.stderr.write(demo.stdout + demo.stderr);
    fail(`the demo failed (exit ${demo.status}): no job summary to render.`);
  }
}

/**
 * GitHub's `> [!NOTE]` alerts: a blockquote whose first line is the marker becomes the alert box
 * github-markdown-css styles (a coloured bar and title). Plain Markdown keeps it a blockquote.
 */
function githubAlerts(html) {
  return html.replace(
    /<blockquote>\n<p>\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*(<\/p>\n)?([\s\S]*?)<\/blockquote>/g,
    (_, kind, closedParagraph, rest) =>
      `<div class="markdown-alert markdown-alert-${kind.toLowerCase()}">` +
      `<p class="markdown-alert-title">${ALERTS[kind]}</p>\n` +
      `${closedParagraph ? '' : '<p>'}${rest}</div>`,
  );
}

/** The summary as GitHub shows it: GFM to HTML, raw HTML (the folds) kept, on GitHub's stylesheet. */
function summaryPage(markdown) {
  const body = micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  const require = createRequire(import.meta.url);
  const css = readFileSync(
    require.resolve('github-markdown-css/github-markdown-light.css'),
    'utf8',
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Job summary</title>
<style>
${css}
body { margin: 0; background: #ffffff; }
.markdown-body { box-sizing: border-box; width: ${PAGE_WIDTH}px; padding: 24px 32px; }
.markdown-alert-title { gap: 8px; }
</style></head>
<body><article class="markdown-body">
${githubAlerts(body)}
</article></body></html>
`;
}

async function screenshot(html, picture, executablePath) {
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: PAGE_WIDTH, height: 600 } });
    await page.setContent(html, { waitUntil: 'load' });
    await page.locator('article').screenshot({ path: picture });
  } finally {
    await browser.close();
  }
}

const { values } = parseArgs({
  options: { markdown: { type: 'string' }, out: { type: 'string', default: DEFAULT_PICTURE } },
});
const executablePath = chromiumPath();
warnWithoutEmojiFont();
const markdownFile = values.markdown ?? DEMO_MARKDOWN;
if (!values.markdown) demoSummary(markdownFile);
if (!existsSync(markdownFile)) fail(`no ${markdownFile} to render.`);
const html = summaryPage(readFileSync(markdownFile, 'utf8'));
if (process.env.SCREENSHOT_HTML) writeFileSync(process.env.SCREENSHOT_HTML, html);
await screenshot(html, values.out, executablePath);
process.stderr.write(`screenshot-summary: ${values.out} from ${markdownFile}\n`);
