/**
 * Vivenu's ids are MongoDB ObjectIds, 24 hex digits, which MongoDB writes in lower case
 * (mongodb.com/docs/manual/reference/method/ObjectId.valueOf: "a lowercase hexadecimal
 * string"); `event-id` is lower-cased when read. Ids typed or copied into an earlier tool's
 * file in upper case are the same ids: they are matched in lower case, and kept as written.
 */
export function idKey(id: string): string {
  return id.toLowerCase();
}

interface EventDeliveries {
  /** The ids as written, in delivery order. */
  ids: string[];
  lookup: Set<string>;
  /** When each was accepted (by idKey), where known. */
  at: Map<string, string>;
}

/**
 * The tickets delivered to one receiver, per event (keyed by idKey of the event id), and which
 * event each ticket was first recorded under: a ticket Vivenu moved to another event since is
 * still known as delivered.
 */
export class DeliveredTickets {
  private readonly byEvent = new Map<string, EventDeliveries>();
  private readonly firstEvent = new Map<string, string>();

  /**
   * Adds a delivered ticket under the event: `new` for a ticket never recorded anywhere,
   * `added` for one recorded under another event only, `known` when the event has it already.
   * A time fills in a time not known yet (a merge of a file from before `sent_at`), and never
   * replaces one: the first acceptance is when the ticket was delivered.
   */
  add(eventKey: string, ticketId: string, at?: string): 'new' | 'added' | 'known' {
    let event = this.byEvent.get(eventKey);
    if (!event) this.byEvent.set(eventKey, (event = { ids: [], lookup: new Set(), at: new Map() }));
    const ticketKey = idKey(ticketId);
    if (at !== undefined && !event.at.has(ticketKey)) event.at.set(ticketKey, at);
    if (event.lookup.has(ticketKey)) return 'known';
    event.lookup.add(ticketKey);
    event.ids.push(ticketId);
    if (this.firstEvent.has(ticketKey)) return 'added';
    this.firstEvent.set(ticketKey, eventKey);
    return 'new';
  }

  has(eventKey: string, ticketId: string): boolean {
    return this.byEvent.get(eventKey)?.lookup.has(idKey(ticketId)) ?? false;
  }

  ids(eventKey: string): readonly string[] {
    return this.byEvent.get(eventKey)?.ids ?? [];
  }

  at(eventKey: string, ticketId: string): string | undefined {
    return this.byEvent.get(eventKey)?.at.get(idKey(ticketId));
  }

  /** The event (idKey) the ticket was first recorded under, if it was delivered at all. */
  eventOf(ticketId: string): string | undefined {
    return this.firstEvent.get(idKey(ticketId));
  }

  eventKeys(): IterableIterator<string> {
    return this.byEvent.keys();
  }

  /** Every id under every event, counted once per event. */
  get size(): number {
    return [...this.byEvent.values()].reduce((sum, event) => sum + event.ids.length, 0);
  }

  /** The event's delivered tickets in delivery order, each with when it was accepted, where known. */
  deliveries(eventKey: string): { id: string; at: string | undefined }[] {
    const event = this.byEvent.get(eventKey);
    return (event?.ids ?? []).map((id) => ({ id, at: event?.at.get(idKey(id)) }));
  }
}
