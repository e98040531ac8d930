// Validity in time: an element is part of the network on day `at` when it had
// started (validFrom ≤ at or unknown) and not yet ended (validTo ≥ at or unknown).
// Dates are ISO strings (YYYY-MM-DD or a full timestamp); comparing the first
// 10 characters is exact for both.

export interface Dated {
  validFrom?: string | null;
  validTo?: string | null;
}

export function isValidAt(element: Dated, at: string | undefined | null): boolean {
  if (!at) return true;
  const day = at.slice(0, 10);
  if (element.validFrom && element.validFrom.slice(0, 10) > day) return false;
  if (element.validTo && element.validTo.slice(0, 10) < day) return false;
  return true;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD (rejects 2024-02-30). */
export function isIsoDay(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}
