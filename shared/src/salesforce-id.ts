/**
 * Salesforce record Ids come in a case-sensitive 15-character form and an 18-character form
 * whose last three characters encode the case of the first fifteen, so that case-insensitive
 * systems can still tell Ids apart. Everything in Upsignal stores and compares the 18 form.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const ID_15 = /^[a-zA-Z0-9]{15}$/;
const ID_18 = /^[a-zA-Z0-9]{18}$/;

export type SalesforceIdResult = { ok: true; id: string } | { ok: false; message: string };

/** The three checksum characters for a 15-character Id. */
export function salesforceIdSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/** Accepts either form; rejects anything else, including an 18-character Id with a bad suffix. */
export function toSalesforceId18(input: string): SalesforceIdResult {
  const id = input.trim();

  if (ID_15.test(id)) return { ok: true, id: id + salesforceIdSuffix(id) };

  if (ID_18.test(id)) {
    const head = id.slice(0, 15);
    const expected = salesforceIdSuffix(head);
    // The suffix is case-insensitive by design; the 15-character head is not.
    if (id.slice(15).toUpperCase() !== expected) {
      return { ok: false, message: `checksum does not match (expected ${head}${expected})` };
    }
    return { ok: true, id: head + expected };
  }

  return { ok: false, message: 'a Salesforce Id has 15 or 18 letters and digits' };
}

export function isAccountId(id18: string): boolean {
  return id18.startsWith('001');
}
