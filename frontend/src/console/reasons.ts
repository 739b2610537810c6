import { consoleLanguage, ct } from './messages';

/** The shop's delay reasons, each with its text per language. */
export type DelayReasonTexts = readonly { code: string; texts: readonly { language: string; text: string }[] }[];

/**
 * A delay reason as a customer read it, said in the agent's language where one of the shop's reasons has that text
 * (the customer's words follow when they differ); a text no reason has (edited since, or typed for one delay) stays
 * as the customer read it.
 */
export function reasonForAgent(read: string, reasons: DelayReasonTexts): string {
  const reason = reasons.find((candidate) => candidate.texts.some((text) => text.text === read));
  const own = reason?.texts.find((text) => text.language === consoleLanguage())?.text;
  return own === undefined || own === read ? read : ct('reasonAsRead', { reason: own, read });
}
