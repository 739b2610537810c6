// What changes of a supplier already defined, term by term, in the agent's words: for the supplier form's review
// and a suppliers file's import.
import type { Weekday } from '../generated/graphql';
import { weekday } from './format';
import { ct, type ConsoleKey } from './messages';

/** A supplier's terms as an admin sets them; days it ships on, when known. */
export type SupplierTerms = {
  name: string;
  country: string | null;
  contactEmail: string | null;
  dropships: boolean;
  leadTime: { minDays: number; maxDays: number } | null;
  workingDays?: readonly Weekday[] | null;
};

/** A lead time in words, or a dash when there is none. */
export function leadTimeText(leadTime: SupplierTerms['leadTime']): string {
  return leadTime ? ct('leadTimeDays', { min: leadTime.minDays, max: leadTime.maxDays }) : '—';
}

/** The changes from one supplier's terms to the others, field by field; "nothing changes" when none. */
export function supplierChanges(before: SupplierTerms, after: SupplierTerms): string {
  const said: string[] = [];
  const text = (key: ConsoleKey, from: string | null | undefined, to: string | null) => {
    if ((from ?? '').trim() !== (to ?? '').trim()) {
      said.push(ct(key, { from: from || '—', to: (to ?? '').trim() || '—' }));
    }
  };
  text('supplierChangeName', before.name, after.name);
  text('supplierChangeCountry', before.country, after.country);
  text('supplierChangeEmail', before.contactEmail, after.contactEmail);
  text('supplierChangeLeadTime', leadTimeText(before.leadTime), leadTimeText(after.leadTime));
  if (before.dropships !== after.dropships) {
    said.push(ct(after.dropships ? 'supplierChangeToDropship' : 'supplierChangeToShop'));
  }
  if (after.workingDays && before.workingDays) {
    text('supplierChangeWorkingDays', days(before.workingDays), days(after.workingDays));
  }
  return said.length > 0 ? said.join('; ') : ct('supplierChangeNothing');
}

function days(workingDays: readonly Weekday[]): string {
  return workingDays.map(weekday).join(', ');
}
