/** `chitieu forms` and `chitieu collect`: arguments, unreadable returns, -o leaving the workbook alone. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, seed002Workbook } from "./support/workbook";
import { fillWithExceljs } from "./support/fill";

const dir = mkdtempSync(join(tmpdir(), "forms-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let workbook = "";
beforeAll(async () => {
  workbook = await seed002Workbook(dir);
}, 60_000);

describe("chitieu forms / collect arguments", () => {
  it("asks for --period and -o, and names the plan's periods when one is unknown", async () => {
    expect((await cli(["forms", workbook, "-o", join(dir, "x")])).code).toBe(2);
    const r = await cli(["forms", workbook, "--period", "quý năm", "-o", join(dir, "x")]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("2023-H1 (6 tháng đầu năm 2023)");
  });

  it("never replaces forms already in the folder (returns are often saved there) unless --force", async () => {
    const out = join(dir, "lan-2");
    expect((await cli(["forms", workbook, "--period", "2023", "-o", out])).code).toBe(0);
    const first = readFileSync(join(out, readdirSync(out)[0] ?? ""));
    const again = await cli(["forms", workbook, "--period", "2023", "-o", out], "2024-02-01T00:00:00.000Z");
    expect(again.code).toBe(2);
    expect(again.out).toContain("--force");
    expect(readFileSync(join(out, readdirSync(out)[0] ?? "")).equals(first)).toBe(true);
    expect((await cli(["forms", workbook, "--period", "2023", "-o", out, "--force"])).code).toBe(0);
  }, 60_000);

  it("asks for at least one form and --into", async () => {
    expect((await cli(["collect", "--into", workbook])).code).toBe(2);
    expect((await cli(["collect", "a.xlsx"])).code).toBe(2);
  });

  it("rejects a file that is not a readable form, with its name, and exits 1", async () => {
    const junk = join(dir, "bao-cao.xlsx");
    writeFileSync(junk, "không phải excel");
    const before = readFileSync(workbook);
    const r = await cli(["collect", junk, "--into", workbook, "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).rejected).toEqual([expect.objectContaining({ file: "bao-cao.xlsx", code: "form.unreadable" })]);
    expect(readFileSync(workbook).equals(before)).toBe(true);
  });

  it("with -o writes the collected workbook there and leaves the original as it was", async () => {
    expect((await cli(["forms", workbook, "--period", "2023-H1", "-o", join(dir, "h1")])).code).toBe(0);
    const form = join(dir, "h1", readdirSync(join(dir, "h1")).find((f) => f.includes("so-tu-phap")) ?? "");
    const filled = join(dir, "tp-h1.xlsx");
    await fillWithExceljs(form, filled, [{ key: "PL-I/3.2", column: "Kết quả kỳ này", value: 3.2 }]);
    const before = readFileSync(workbook);
    const out = join(dir, "ra.xlsx");
    const r = await cli(["collect", filled, "--into", workbook, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Sở Tư pháp");
    expect(readFileSync(workbook).equals(before)).toBe(true);
    expect(readFileSync(out).length).toBeGreaterThan(0);
    expect(readdirSync(dir).filter((f) => f.includes(".tmp-"))).toEqual([]);
  }, 60_000);
});
