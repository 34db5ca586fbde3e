/**
 * Cancel arrives as SIGINT (Ctrl+C, or the runner's cancel), then SIGTERM 7.5 s later, then a
 * kill 2.5 s after that (docs/sources.md, "Cancelling a step"): the first signal stops new work, so
 * progress is saved well inside those 10 seconds. `onFirst` says so, once, where people look.
 */
export function abortOnCancelSignals(onFirst: (signal: NodeJS.Signals) => void): AbortSignal {
  const controller = new AbortController();
  const cancel = (signal: NodeJS.Signals): void => {
    if (!controller.signal.aborted) onFirst(signal);
    controller.abort(new Error(`cancelled by ${signal}`));
  };
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  return controller.signal;
}
