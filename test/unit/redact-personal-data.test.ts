import { describe, expect, it } from 'vitest';
import { MIN_REDACTED_LENGTH, redactPersonalData, type Ticket } from '../../src/vivenu/tickets.js';
import { displayAnswer } from '../../src/webhook/webhook-sender.js';

const ticket: Ticket = {
  _id: '65a1b2c3d4e5f60718293a4b',
  eventId: '65a1b2c3d4e5f60718293a00',
  ticketTypeId: '65a1b2c3d4e5f60718293aff',
  ticketName: 'HYROX MEN | CHARITY HIA',
  name: 'Siobhán Ngata',
  firstname: 'Siobhán',
  lastname: 'Ngata',
  email: 'siobhan.4f2a1c@example.org',
  country: 'DE',
  customerId: 'c0ffee',
  phone: 4915112345678,
  extraFields: {
    gender: 'female',
    contacts: [{ role: 'emergency', name: 'Margarethe Kowalska', initial: 'M' }],
  },
};

describe('redactPersonalData', () => {
  it('redacts values at any depth, in any case', () => {
    expect(
      redactPersonalData('holder SIOBHÁN NGATA, emergency contact margarethe kowalska', ticket),
    ).toBe('holder [redacted], [redacted] contact [redacted]');
  });

  it('keeps the ids the log shows anyway: _id, eventId, ticketTypeId, ticketName', () => {
    const text = `ticket ${ticket._id} of type ${String(ticket.ticketTypeId)} (HYROX MEN | CHARITY HIA) in event ${String(ticket.eventId)}`;
    expect(redactPersonalData(text, ticket)).toBe(text);
  });

  it(`keeps values shorter than ${MIN_REDACTED_LENGTH} characters, which would eat every word`, () => {
    // "DE" and "M" are in the ticket: redacted case-insensitively they would hit "deliver" and "message".
    expect(redactPersonalData('cannot deliver: message refused', ticket)).toBe(
      'cannot deliver: message refused',
    );
  });

  it('redacts long numbers (a phone held as a number) and the JSON-escaped form of a value', () => {
    expect(redactPersonalData('call 4915112345678', ticket)).toBe('call [redacted]');
    expect(redactPersonalData('{"name":"Siobh\\u00e1n"}', ticket)).toBe('{"name":"[redacted]"}');
  });

  it('redacts anything shaped like an email, the ticket’s or not', () => {
    expect(redactPersonalData('from someone.else@example.com', ticket)).toBe('from [redacted]');
  });
});

describe('displayAnswer', () => {
  it('redacts first, then cuts: an email across the cut is gone whole, not half kept', () => {
    const answer = `${'x'.repeat(190)} ${String(ticket.email)} rejected`;
    const shown = displayAnswer(answer, ticket);
    expect(shown).toBe(`${'x'.repeat(190)} [redacted] rejected`.slice(0, 200));
    expect(shown).not.toContain('siobhan');
  });
});
