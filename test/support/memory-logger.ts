import type { Logger } from '../../src/ports.js';

/** A logger that keeps every line, so tests can read what a person would see. */
export function memoryLogger(): Logger & { lines: string[]; text(): string } {
  const lines: string[] = [];
  return {
    lines,
    text: () => lines.join('\n'),
    info: (message) => void lines.push(message),
    warning: (message) => void lines.push(`warning: ${message}`),
    error: (message) => void lines.push(`error: ${message}`),
    group: async (title, fn) => {
      lines.push(`group: ${title}`);
      return fn();
    },
  };
}
