/**
 * A form's identity, stored in the form itself so a return is matched by
 * what it is, never by its file name or the order of its rows: the plan
 * (title and fingerprint), the period, the agency, the key of every row and
 * the form version. It lives in a hidden, protected sheet as two plain Excel
 * tables, which any reader (Excel, LibreOffice, openpyxl, exceljs, Office.js)
 * can read back.
 */
import { z } from "zod";
import type { SheetSpec, TableSpec } from "../../layout/types";
import type { SnapshotValue, WorkbookSnapshot } from "../../workbook/snapshot";

/** Version of the form's format; a reader refuses versions it does not know. */
export const FORM_VERSION = 1;
export const FORM_MARK = "chitieu/bieu-mau";

export const IDENTITY_SHEET = "_BieuMau";
export const IDENTITY_TABLES = { fields: "ThongTinBieuMau", rows: "DongBieuMau" } as const;

export const FormRowSchema = z.object({
  key: z.string().min(1),
  kind: z.enum(["indicator", "task"]),
  /** The row holds a percent: values are fractions (92 % → 0.92). */
  percent: z.boolean(),
});
export type FormRow = z.infer<typeof FormRowSchema>;

export const FormIdentitySchema = z.object({
  formVersion: z.number().int().positive(),
  planTitle: z.string(),
  planFingerprint: z.string().min(1),
  periodId: z.string().min(1),
  periodLabel: z.string().min(1),
  agency: z.string().min(1),
  agencyKind: z.enum(["agency", "planningOffice"]),
  /** When the form was made (ISO date-time): tells two issues of one agency's form apart. */
  issued: z.string().min(1),
  rows: z.array(FormRowSchema),
  /** HMAC-SHA-256 of all the above under the tracking workbook's key (see ../signature); "" in forms made before signing. */
  signature: z.string(),
});
export type FormIdentity = z.infer<typeof FormIdentitySchema>;

const FIELDS: Array<[keyof Omit<FormIdentity, "rows">, string]> = [
  ["formVersion", "phienBan"],
  ["planTitle", "keHoach"],
  ["planFingerprint", "vanTayKeHoach"],
  ["periodId", "maKy"],
  ["periodLabel", "ky"],
  ["agency", "donVi"],
  ["agencyKind", "loaiDonVi"],
  ["issued", "phatHanh"],
  ["signature", "chuKy"],
];
const KINDS = { indicator: "chỉ tiêu", task: "nhiệm vụ" } as const;

/** The hidden identity sheet of a form. */
export function identitySheet(id: FormIdentity): SheetSpec {
  const fields: TableSpec = {
    name: IDENTITY_TABLES.fields,
    anchor: "A1",
    columns: [
      { key: "field", header: "Trường", width: 16 },
      { key: "value", header: "Giá trị", width: 60, numberFormat: "@" },
    ],
    rows: [["loaiTep", FORM_MARK], ...FIELDS.map(([k, name]) => [name, String(id[k])])],
    cellFormats: [],
    style: "TableStyleLight1",
  };
  const rows: TableSpec = {
    name: IDENTITY_TABLES.rows,
    anchor: "D1",
    columns: [
      { key: "key", header: "Khóa", width: 40, numberFormat: "@" },
      { key: "kind", header: "Loại", width: 10 },
      { key: "percent", header: "Phần trăm", width: 10 },
    ],
    rows: id.rows.map((r) => [r.key, KINDS[r.kind], r.percent ? 1 : 0]),
    cellFormats: [],
    style: "TableStyleLight1",
  };
  return {
    name: IDENTITY_SHEET,
    role: "info",
    tables: id.rows.length > 0 ? [fields, rows] : [fields],
    cells: [],
    conditionalFormats: [],
    charts: [],
    freeze: { rows: 0, columns: 0 },
    protect: true,
    hidden: true,
  };
}

export type IdentityResult =
  | { ok: true; identity: FormIdentity }
  | { ok: false; code: "notAForm" | "unknownVersion" | "damaged"; message: string; messageEn: string };

const str = (v: SnapshotValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

/**
 * Reads a form's identity back from a snapshot of the returned file.
 * @example
 * const r = readIdentity(await readWorkbook(bytes));
 * if (r.ok) r.identity.agency // "Sở Tư pháp"
 */
export function readIdentity(snapshot: WorkbookSnapshot): IdentityResult {
  const fields = snapshot.tables.find((t) => t.name === IDENTITY_TABLES.fields || t.name.startsWith(IDENTITY_TABLES.fields));
  const values = new Map<string, string>();
  for (const r of fields?.rows ?? []) values.set(str(r[0]), str(r[1]));
  if (values.get("loaiTep") !== FORM_MARK) {
    return { ok: false, code: "notAForm", message: "Tệp không phải biểu mẫu báo cáo do Chỉ tiêu tạo (không có thông tin biểu mẫu).", messageEn: "The file is not a report form made by Chỉ tiêu (no form identity)." };
  }
  const version = Number(values.get("phienBan"));
  if (!Number.isInteger(version) || version > FORM_VERSION) {
    return { ok: false, code: "unknownVersion", message: `Biểu mẫu phiên bản ${values.get("phienBan") ?? "?"} mới hơn phiên bản công cụ này đọc được (${FORM_VERSION}).`, messageEn: `Form version ${values.get("phienBan") ?? "?"} is newer than this tool reads (${FORM_VERSION}).` };
  }
  const rowsTable = snapshot.tables.find((t) => t.name === IDENTITY_TABLES.rows || t.name.startsWith(IDENTITY_TABLES.rows));
  const rows: FormRow[] = (rowsTable?.rows ?? [])
    .filter((r) => str(r[0]) !== "")
    .map((r) => ({ key: str(r[0]), kind: str(r[1]) === KINDS.task ? "task" : "indicator", percent: r[2] === 1 || r[2] === true || str(r[2]) === "1" }));
  const raw: Record<string, unknown> = { formVersion: version, rows };
  for (const [k, name] of FIELDS) if (k !== "formVersion") raw[k] = values.get(name) ?? "";
  const parsed = FormIdentitySchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, code: "damaged", message: "Thông tin nhận dạng của biểu mẫu bị hỏng hoặc bị sửa.", messageEn: "The form's identity is damaged or was edited." };
  }
  return { ok: true, identity: parsed.data };
}
