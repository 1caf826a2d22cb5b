/**
 * ASCII file names for forms: e-mail gateways, zip tools and old Windows
 * shares mangle Vietnamese letters in file names, so the name on disk is a
 * plain slug and the Vietnamese name lives inside the file.
 */
import { PLANNING_OFFICE } from "../recipients";

/**
 * @example
 * slugify("Sở Kế hoạch và Đầu tư") // "so-ke-hoach-va-dau-tu"
 * slugify("Sở Văn hóa, Thể thao và Du lịch") // "so-van-hoa-the-thao-va-du-lich"
 */
export function slugify(text: string): string {
  const ascii = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    // đ/Đ is a letter of its own, not d with a mark: NFD leaves it alone.
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/&/g, " va ")
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug.slice(0, 80).replace(/-+$/, "") || "don-vi";
}

/**
 * One file name per form, unique within a batch as Windows compares names (letters in any case): when two
 * agencies fold to the same slug ("Tân Ân", "Tân An"), the later one takes the first "-2", "-3"… that no
 * other form's name already is ("UBND xã Tân An 2" keeps "…-tan-an-2" whatever the order).
 * @example
 * formFileNames([{ agency: "Sở Tư pháp", periodId: "2023" }]) // ["bao-cao-2023-so-tu-phap.xlsx"]
 */
export function formFileNames(forms: Array<{ agency: string; periodId: string; slug?: string }>): string[] {
  const bases = forms.map((f) => `bao-cao-${slugify(f.periodId)}-${f.slug ?? slugify(f.agency)}`);
  const taken = new Set<string>();
  const plain = new Map<string, number>();
  // A base that is unique keeps its own name; it is reserved first, so a suffixed name never takes it.
  bases.forEach((b) => plain.set(b.toLowerCase(), (plain.get(b.toLowerCase()) ?? 0) + 1));
  for (const [b, n] of plain) if (n === 1) taken.add(b);
  const out = bases.map((b) => {
    if (plain.get(b.toLowerCase()) === 1) return `${b}.xlsx`;
    let name = b;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${b}-${n}`;
    taken.add(name.toLowerCase());
    return `${name}.xlsx`;
  });
  const check = new Set(out.map((n) => n.toLowerCase()));
  if (check.size !== out.length) throw new Error("formFileNames: two forms would share a file name");
  return out;
}

/**
 * The file name of each recipient's form for a period (the planning office's has a short name of its own).
 * @example
 * recipientFileNames(formRecipients(source), "2023")[0] // "bao-cao-2023-so-thong-tin-va-truyen-thong.xlsx"
 */
export function recipientFileNames(recipients: Array<{ agency: string; kind: "agency" | "planningOffice" }>, periodId: string): string[] {
  return formFileNames(recipients.map((r) => ({ agency: r.agency, periodId, ...(r.kind === "planningOffice" ? { slug: PLANNING_OFFICE.slug } : {}) })));
}

/**
 * The one file a round's forms travel in when there are several (a browser
 * asks before each of 30 downloads, and Office on Mac can hand over one file
 * at a time): a zip named for the period.
 * @example
 * formsPackageName("2023-H1") // "bieu-mau-bao-cao-2023-h1.zip"
 */
export function formsPackageName(periodId: string): string {
  return `bieu-mau-bao-cao-${slugify(periodId)}.zip`;
}
