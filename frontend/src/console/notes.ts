// Notes for agents on what happened to an order: an agent's own as written, Leadline's own worded from its facts in
// the agent's language.
import { day, time, unitsList } from './format';
import { ct } from './messages';

type Fact = { key: string; value: string };
type SystemNote = { kind: string; facts: readonly Fact[] };

/** The note an event or a delay carries for agents, in the agent's language; null when it has none. */
export function noteText(
  noted: { internalNote?: string | null; systemNote?: SystemNote | null },
  itemName: (lineId: string) => string = (lineId) => lineId,
): string | null {
  return noted.systemNote ? systemNoteText(noted.systemNote, itemName) : noted.internalNote || null;
}

function systemNoteText(note: SystemNote, itemName: (lineId: string) => string): string {
  const facts = new Map(note.facts.map((fact) => [fact.key, fact.value]));
  const po = facts.get('purchaseOrder') ?? '';
  // Facts by one name per line or SKU: "waited:L2", "units:CHAIR-AARHUS".
  const each = (prefix: string) =>
    note.facts
      .filter((fact) => fact.key.startsWith(prefix))
      .map((fact) => ({ key: fact.key.slice(prefix.length), value: fact.value }));
  switch (note.kind) {
    case 'WAITS_FOR_PURCHASE_ORDER':
      return ct('noteWaitsFor', { po });
    case 'PURCHASE_ORDER_CANCELLED':
      return ct('notePurchaseOrderCancelled', { po });
    case 'TOOK_SPARE_UNITS': {
      const lines = each('waited:').map(({ key, value }) =>
        value
          ? ct('noteWaitedFor', { item: itemName(key), po: value })
          : ct('noteWaitedToBeOrdered', { item: itemName(key) }),
      );
      return ct('noteTookSpareUnits', { po, lines: lines.join('; ') });
    }
    case 'DELAY_WITHDRAWN':
      return ct('noteDelayWithdrawn', { by: facts.get('loggedBy') ?? '', time: time(facts.get('loggedAt') ?? '') });
    case 'RECEIPT_TAKEN_BACK':
      return ct('noteReceiptTakenBack', {
        units: unitsList(each('units:').map(({ key, value }) => ({ sku: key, quantity: Number(value) }))),
        po,
        day: day(facts.get('receivedOn') ?? ''),
      });
    default:
      // A kind this console does not know yet: its facts as they are, rather than nothing.
      return [note.kind, ...note.facts.map((fact) => `${fact.key}: ${fact.value}`)].join(', ');
  }
}
