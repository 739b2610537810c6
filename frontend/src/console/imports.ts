// What a spreadsheet's import did, or would do, in the agent's language: the server gives each change as facts.
import type { Weekday } from '../generated/graphql';
import { day, today, unitsList } from './format';
import { ct } from './messages';
import { supplierName, type SupplierNames } from './OrderLink';
import { supplierChanges } from './supplierChanges';

type Fact = { key: string; value: string };
export type ImportChange = { kind: string; facts: readonly Fact[] };

/** How many orders a sentence names before it counts the rest. */
const NAMED = 10;

/**
 * One change of an import as a sentence in the agent's language: in a preview (what it does) or once done; a
 * purchase order's supplier by the name agents know it by.
 */
export function importChangeText(change: ImportChange, done = false, suppliers: SupplierNames = []): string {
  const facts = new Map(change.facts.map((fact) => [fact.key, fact.value]));
  const fact = (key: string) => facts.get(key) ?? '';
  const units = () =>
    unitsList(
      change.facts
        .filter((entry) => entry.key.startsWith('units:'))
        .map((entry) => ({ sku: entry.key.slice('units:'.length), quantity: Number(entry.value) })),
    );
  const orders = (key: string) => (facts.get(key) ? fact(key).split(',') : []);
  // A purchase order for many customers names the first orders and counts the rest.
  const named = (numbers: string[]) =>
    numbers.length > NAMED
      ? ct('importAndMore', { orders: numbers.slice(0, NAMED).join(', '), count: numbers.length - NAMED })
      : numbers.join(', ');
  switch (change.kind) {
    case 'SUPPLIER_NEW':
      return ct('importSupplierNew', {
        code: fact('code'),
        name: fact('name'),
        delivers: ct(fact('dropships') === 'true' ? 'importDropships' : 'importDeliversToShop'),
        lead: ct('leadTimeDays', { min: fact('leadTimeMinDays'), max: fact('leadTimeMaxDays') }),
      });
    case 'SUPPLIER_CHANGED':
      return ct(done ? 'importSupplierChangedDone' : 'importSupplierChanged', {
        code: fact('code'),
        changes: supplierChanges(terms(facts, 'before:'), terms(facts, '')),
      });
    case 'SUPPLIER_UNCHANGED':
      return ct('importSupplierUnchanged', { code: fact('code') });
    case 'PURCHASE_ORDER_PLACES':
    case 'PURCHASE_ORDER_PLACED': {
      const placed = ct(change.kind === 'PURCHASE_ORDER_PLACES' ? 'importPlaces' : 'importPlaced', {
        number: fact('number'),
        supplier: supplierName(fact('supplier'), suppliers),
        units: units(),
        date: day(fact('arrival')),
        estimated: fact('estimated') === 'true' ? ct('importEstimated') : '',
      });
      // An arrival already passed: the goods are late, and the lines it takes are promised as such.
      const late = daysBetween(fact('arrival'), today());
      const said = late > 0 ? `${placed} ${ct('importArrivalPassed', { days: late })}` : placed;
      if (!facts.has('linesTaken')) {
        return said;
      }
      const told = orders('told');
      const takes = ct('importTakes', { count: Number(fact('linesTaken')), orders: named(orders('taking')) });
      const tells = told.length ? ct('importTold', { count: told.length, orders: named(told) }) : ct('importNoneTold');
      return `${said} ${takes} ${tells}`;
    }
    case 'PURCHASE_ORDER_KEPT':
      return ct('importKept', { number: fact('number') });
    case 'RECEIVES': {
      const ready = orders('orders');
      // Whom the receipt tells, as the goods-received form's review says it.
      const told = [
        { key: 'receiptToldReady' as const, orders: orders('toldReady') },
        { key: 'receiptAskedToChoose' as const, orders: orders('askedToChoose') },
      ]
        .filter((group) => group.orders.length > 0)
        .map((group) => ` ${ct(group.key, { count: group.orders.length, orders: named(group.orders) })}`)
        .join('');
      return `${ct('importReceives', {
        units: units(),
        po: fact('purchaseOrder'),
        date: day(fact('receivedOn')),
        ready:
          ready.length === 0
            ? ct('receiveNoneReady')
            : ct('receiveReady', { lines: Number(fact('linesReady')), count: ready.length, orders: named(ready) }),
      })}${told}`;
    }
    case 'RECEIVED':
      return ct('importReceived', {
        units: units(),
        po: fact('purchaseOrder'),
        date: day(fact('receivedOn')),
        lines: Number(fact('linesReady')),
      });
    case 'NOT_RECEIVED':
      return ct('importNotReceived', { po: fact('purchaseOrder'), message: fact('message') });
    default:
      // A kind this console does not know yet: its facts as they are, rather than nothing.
      return [change.kind, ...change.facts.map((entry) => `${entry.key}: ${entry.value}`)].join(', ');
  }
}

/** A supplier's terms as the facts give them, each key after the prefix ("before:" for the terms it had). */
function terms(facts: Map<string, string>, prefix: string) {
  const fact = (key: string) => facts.get(prefix + key);
  const min = fact('leadTimeMinDays');
  const max = fact('leadTimeMaxDays');
  const days = fact('workingDays');
  return {
    name: fact('name') ?? '',
    country: fact('country') ?? '',
    contactEmail: fact('contactEmail') ?? '',
    dropships: fact('dropships') === 'true',
    leadTime: min !== undefined && max !== undefined ? { minDays: Number(min), maxDays: Number(max) } : null,
    workingDays: days ? (days.split(',') as Weekday[]) : null,
  };
}

/** Whole days from one ISO date to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
