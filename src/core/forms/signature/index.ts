/**
 * A form's keyed signature. A returned form comes from outside: anyone can
 * unhide its identity sheet and change the agency, the period or the row
 * keys. So the identity is signed with HMAC-SHA-256 under a key that lives
 * only in the tracking workbook (a very hidden sheet of ours) and never in a
 * form: a sender can read everything their form holds and still cannot make
 * a signature for another agency, period or row.
 */
import { z } from "zod";
import { hmacSha256Hex, sameSecret, toHex, utf8 } from "../../_lib/hmac";
import type { SheetSpec, TableSpec } from "../../layout/types";
import type { WorkbookSnapshot } from "../../workbook/snapshot";
import type { FormIdentity } from "../identity";

export const SIGNING_SHEET = "_KhoaBieuMau";
export const SIGNING_TABLE = "KhoaKyBieuMau";
const KEY_HEADER = "Khóa ký biểu mẫu";

/** 32 random bytes as 64 hex digits. */
const KeySchema = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * A new signing key from 32 random bytes (the adapters pass `crypto.getRandomValues`).
 * @example
 * const key = newSigningKey((b) => crypto.getRandomValues(b));
 */
export function newSigningKey(random: (bytes: Uint8Array) => Uint8Array): string {
  const bytes = random(new Uint8Array(32));
  if (bytes.length !== 32 || bytes.every((b) => b === 0)) throw new Error("newSigningKey: the random source gave no randomness");
  return toHex(bytes);
}

/** The very hidden, protected sheet that keeps the key in the tracking workbook. */
export function signingSheet(key: string): SheetSpec {
  if (!KeySchema.safeParse(key).success) throw new Error("signingSheet: a key is 64 hex digits");
  const table: TableSpec = {
    name: SIGNING_TABLE,
    anchor: "A1",
    columns: [{ key: "key", header: KEY_HEADER, width: 70, numberFormat: "@" }],
    rows: [[key]],
    cellFormats: [],
    style: "TableStyleLight1",
  };
  return { name: SIGNING_SHEET, role: "info", tables: [table], cells: [], conditionalFormats: [], charts: [], freeze: { rows: 0, columns: 0 }, protect: true, hidden: "very" };
}

/** The workbook's signing key; null when it has none (forms made before signing existed), or when it is not a key. */
export function readSigningKey(snapshot: WorkbookSnapshot): string | null {
  const t = snapshot.tables.find((x) => x.name === SIGNING_TABLE) ?? snapshot.tables.find((x) => x.name.startsWith(SIGNING_TABLE));
  const v = t?.rows[0]?.[0];
  const parsed = KeySchema.safeParse(typeof v === "string" ? v.trim() : "");
  return parsed.success ? parsed.data : null;
}

/** Everything a form's identity says, in one canonical text: plan, period, agency, issue and every row. */
function canonical(id: Omit<FormIdentity, "signature">): string {
  return JSON.stringify([
    "chitieu/bieu-mau/chu-ky/1", id.formVersion, id.planFingerprint, id.periodId, id.agency, id.agencyKind, id.issued,
    id.rows.map((r) => [r.key, r.kind, r.percent]),
  ]);
}

/**
 * @example
 * const signature = signIdentity(key, identity); // "9f2c…" (64 hex digits)
 */
export function signIdentity(key: string, id: Omit<FormIdentity, "signature">): string {
  return hmacSha256Hex(hexBytes(key), canonical(id));
}

/** Whether the identity carries the signature the key gives it (nothing about it may have changed). */
export function verifyIdentity(key: string, id: FormIdentity): boolean {
  return id.signature !== "" && sameSecret(id.signature.toLowerCase(), signIdentity(key, id));
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out.length > 0 ? out : utf8(hex);
}
