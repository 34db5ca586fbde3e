import { readFile } from 'node:fs/promises';
import { defineConfig, type Plugin } from 'vitest/config';

// GitHub's workflow parser imports JSON in a way Node 20 only accepts when Vite transforms it.
const INLINED = ['@actions/workflow-parser', '@actions/expressions'];

/** A module of those packages as Vite names it: `/…/node_modules/@actions/expressions/dist/ast.js`. */
const INLINED_MODULE = new RegExp(
  `/node_modules/(${INLINED.map((name) => name.replace('/', '\\/')).join('|')})/.*\\.js$`,
);

/**
 * Those two packages publish `dist/*.js` with a `//# sourceMappingURL=` to maps whose sources
 * (`../src/*.ts`) they do not publish. Vite, transforming them, reads each map, cannot fill in
 * its sources and warns once per file: "Sourcemap for ".../dist/ast.js" points to missing
 * source files", a hundred lines before the first test. A map into files nobody has maps a
 * stack trace nowhere, so these modules are loaded without theirs: lines are the dist file's
 * own. Every other module, and every other warning, is left as it was.
 */
function withoutDanglingSourcemaps(): Plugin {
  return {
    name: 'inlined-packages-without-dangling-sourcemaps',
    enforce: 'pre',
    async load(id) {
      const file = id.split('?')[0]!;
      if (!INLINED_MODULE.test(file)) return null;
      const code = await readFile(file, 'utf8');
      return { code: code.replace(/^\/\/# sourceMappingURL=\S+\s*$/m, ''), map: null };
    },
  };
}

export default defineConfig({
  plugins: [withoutDanglingSourcemaps()],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    server: { deps: { inline: INLINED } },
  },
});
