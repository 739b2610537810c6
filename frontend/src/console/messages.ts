// The console's words. Agents work in English for now; the keys are ready for more languages.
export const consoleText = {
  title: 'Leadline console',
  signIn: 'Sign in',
  signOut: 'Sign out',
  signedInAs: 'Signed in as {name}',
  signInNeeded: 'Agents sign in with their company account to log delays and keep promises current.',
  notAgent: 'Your account has no agent role. Ask an admin for access.',
  signInFailed: 'Sign-in failed: {reason}',
  delayTitle: 'Log a supplier delay',
  scope: 'What is delayed',
  scopePurchaseOrder: 'One purchase order',
  scopeSku: 'One SKU at a supplier',
  scopeSupplier: 'All open lines of a supplier',
  purchaseOrder: 'Purchase order',
  purchaseOrderOption: '{number} — {supplier}, expected {date}, {lines} lines waiting',
  supplier: 'Supplier',
  sku: 'SKU',
  change: 'How late',
  newDate: 'New date',
  daysLate: 'Days late',
  reason: 'Reason the customer reads',
  reasonOther: 'Other (write it below)',
  reasonText: 'Reason in your words',
  note: 'Internal note (agents only)',
  preview: 'Preview',
  confirm: 'Confirm and tell {customers} customers',
  previewTitle: 'What this delay does',
  previewFigures: '{orders} orders, {lines} lines, {customers} customers to tell, {nowLate} lines will miss the date first promised',
  previewValue: 'Order value: {value}',
  sampleOrder: 'Order',
  sampleCustomer: 'Customer',
  sampleLine: 'Item',
  sampleFrom: 'Was latest',
  sampleTo: 'Now latest',
  progressTitle: 'Applying the delay',
  progress: '{processed} of {total} orders done, {moved} lines moved',
  done: 'Done: {moved} lines in {total} orders moved, customers queued a message.',
  recent: 'Recent delays',
  error: 'Something went wrong: {message}',
};

export type ConsoleKey = keyof typeof consoleText;

export function ct(key: ConsoleKey, params: Record<string, string | number> = {}): string {
  return consoleText[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
