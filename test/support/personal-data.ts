import type { Ticket } from '../../src/vivenu/tickets.js';

/**
 * The values of `tickets` that must never leave the files: holder names, emails, barcodes and
 * ticket secrets. Very short values are left out: "Mia" or "CON" would match innocent text.
 */
export function personalValues(tickets: readonly Ticket[]): string[] {
  const values = new Set<string>();
  for (const ticket of tickets) {
    for (const field of ['name', 'email', 'barcode', 'secret', 'street', 'customerId']) {
      const value = ticket[field];
      if (typeof value === 'string' && value.trim().length >= 6) values.add(value);
    }
    const full = [ticket.firstname, ticket.lastname]
      .filter((part) => typeof part === 'string')
      .join(' ')
      .trim();
    if (full.length >= 6) values.add(full);
  }
  return [...values];
}

/** The personal values found in `text`; empty when it is clean. */
export function leakedValues(text: string, values: readonly string[]): string[] {
  return values.filter((value) => text.includes(value));
}

/** The log as the runner shows it: `::add-mask::` lines are consumed by it, never displayed. */
export function shownToPeople(stdout: string): string {
  return stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}
