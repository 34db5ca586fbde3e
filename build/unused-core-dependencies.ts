/**
 * Stands in, inside the action's bundle only, for three packages `@actions/core` imports but
 * this action never calls: `@actions/http-client` (with the 900 kB `undici` package it loads)
 * for OIDC tokens (`core.getIDToken`), and `@actions/exec` for `core.platform.getDetails`.
 * ncc cannot leave out an import nobody calls, and evaluating them cost every run about a
 * quarter of its start-up on Node 24 (bench/README.md). tsconfig.json's `paths` points the three
 * imports here; anything that did call them would fail loudly, never silently.
 */
function notBundled(what: string): never {
  throw new Error(
    `${what} is not part of this action's bundle (build/unused-core-dependencies.ts)`,
  );
}

export class HttpClient {
  constructor() {
    notBundled('@actions/http-client');
  }
}

export class BearerCredentialHandler {
  constructor() {
    notBundled('@actions/http-client');
  }
}

export function exec(): never {
  return notBundled('@actions/exec');
}

export function getExecOutput(): never {
  return notBundled('@actions/exec');
}
