import type { Ticket } from '../src/vivenu/tickets.js';
import { hexId, pick, seededRandom } from './seeded-random.js';

/** Ticket types as HYROX events sell them; `team` tickets are bought together. */
export const TICKET_TYPES = [
  { name: 'HYROX MEN | CHARITY HIA', team: 1, weight: 14 },
  { name: 'HYROX WOMEN | CHARITY HIA', team: 1, weight: 12 },
  { name: 'CHARITY | HYROX DOUBLES WOMEN', team: 2, weight: 6 },
  { name: 'HYROX DOUBLES MIXED | CHARITY', team: 2, weight: 6 },
  { name: 'HYROX RELAY MEN | CHARITY HIA', team: 4, weight: 2 },
  { name: 'HYROX WOMEN', team: 1, weight: 20 },
  { name: 'HYROX PRO MEN', team: 1, weight: 14 },
  { name: 'HYROX DOUBLES MEN', team: 2, weight: 10 },
  { name: 'SPECTATOR', team: 1, weight: 8 },
] as const;

const STATUSES = [
  ['VALID', 76],
  ['DETAILSREQUIRED', 10],
  ['INVALID', 8],
  ['RESERVED', 4],
  ['BLANK', 2],
] as const;

const FIRST_NAMES = [
  'Paddy',
  'Zoë',
  'Łukasz',
  'Ana María',
  'Siobhán',
  'José',
  'Björn',
  'Mia',
  'Noah',
  'Aiyana',
  '李',
  'Юлия',
];
const LAST_NAMES = [
  "O'Brien-Łukasiewicz",
  'McCann',
  'de la Cruz y Fernández',
  'Müller',
  'Ngata',
  '小龙',
  'Иванова',
  'Smith',
  'Dupont',
];
/** Holder names that break naive file naming; each appears now and then. */
export const AWKWARD_NAMES = [
  '../../etc/passwd',
  'CON',
  'a/b\\c:d*e?f"g<h>i|j',
  'tab\there\nnewline',
  '\u202eevil\u202c.exe',
  '   ',
  'Émile 🏃‍♂️ Dupont',
  'Wolfeschlegelsteinhausenbergerdorff Hubert Blaine Wolfeschlegelsteinhausenbergerdorff Senior der Ältere von Württemberg',
  'Paddy McCann',
];

function weighted<T>(random: () => number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1]![0];
}

function barcode(random: () => number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let code = '';
  for (let i = 0; i < 10; i++) code += pick(random, alphabet.split(''));
  return code;
}

export interface EventSpec {
  eventId: string;
  count: number;
  seed?: number;
  sellerId?: string;
  /** Creation time of the first purchase; later ones follow minutes apart. */
  startsAt?: Date;
}

/** A realistic ticket, personal data included, shaped like Vivenu's. */
export function makeTicket(
  random: () => number,
  fields: {
    eventId: string;
    sellerId: string;
    typeName: string;
    typeId: string;
    createdAt: string;
    transactionId: string;
    status: string;
  },
): Ticket {
  const awkward = random() < 0.05;
  const firstname = awkward ? '' : pick(random, FIRST_NAMES);
  const lastname = awkward ? '' : pick(random, LAST_NAMES);
  const needsDetails = fields.status === 'DETAILSREQUIRED';
  const name = needsDetails
    ? ''
    : awkward
      ? pick(random, AWKWARD_NAMES)
      : `${firstname} ${lastname}`;
  const price = fields.typeName.includes('SPECTATOR') ? 15 : 99 + Math.floor(random() * 60);
  return {
    _id: hexId(random),
    sellerId: fields.sellerId,
    eventId: fields.eventId,
    ticketTypeId: fields.typeId,
    ticketName: fields.typeName,
    categoryRef: hexId(random, 8),
    createdAt: fields.createdAt,
    updatedAt: fields.createdAt,
    status: fields.status,
    secret: hexId(random, 32),
    barcode: barcode(random),
    name,
    firstname: needsDetails ? '' : firstname,
    lastname: needsDetails ? '' : lastname,
    email: `${(firstname || 'holder').toLowerCase().replace(/[^a-z]/g, '') || 'x'}.${hexId(random, 6)}@example.org`,
    street: `${1 + Math.floor(random() * 200)} High Street`,
    postal: String(10000 + Math.floor(random() * 89999)),
    city: pick(random, ['London', 'Berlin', 'Milano', 'Wien', 'Zürich']),
    country: pick(random, ['GB', 'DE', 'IT', 'AT', 'CH']),
    customerId: hexId(random),
    transactionId: fields.transactionId,
    origin: 'yourticket',
    type: 'SINGLE',
    realPrice: price,
    regularPrice: price,
    currency: 'EUR',
    personalized: !needsDetails,
    history: [{ type: 'created', date: fields.createdAt }],
    extraFields: {
      gender: pick(random, ['male', 'female', 'other']),
      shirt_size: pick(random, ['S', 'M', 'L']),
    },
    // Fields live data carries that the published spec does not list.
    expired: false,
    claimed: random() < 0.3,
    salesChannelId: hexId(random),
  };
}

/**
 * `count` tickets of one event, oldest first, as purchases: a team ticket type sells 2 or 4
 * tickets in one transaction with one `createdAt`.
 */
export function generateEventTickets(spec: EventSpec): Ticket[] {
  const random = seededRandom(spec.seed ?? 1);
  const sellerId = spec.sellerId ?? hexId(random);
  const typeIds = new Map(TICKET_TYPES.map((type) => [type.name, hexId(random)]));
  let time = (spec.startsAt ?? new Date('2025-01-06T09:00:00.000Z')).getTime();
  const tickets: Ticket[] = [];
  while (tickets.length < spec.count) {
    const type = weighted(
      random,
      TICKET_TYPES.map((t) => [t, t.weight] as const),
    );
    const createdAt = new Date(time).toISOString();
    const transactionId = hexId(random);
    const status = weighted(random, STATUSES);
    const size = Math.min(type.team, spec.count - tickets.length);
    for (let member = 0; member < size; member++) {
      tickets.push(
        makeTicket(random, {
          eventId: spec.eventId,
          sellerId,
          typeName: type.name,
          typeId: typeIds.get(type.name)!,
          createdAt,
          transactionId,
          status,
        }),
      );
    }
    time += 1_000 + Math.floor(random() * 600_000);
  }
  return tickets;
}
