/**
 * Drives LibreOffice Calc through python3-uno (tests/support/lo/driver.py):
 * open a workbook, type into cells the way an official does, choose
 * KyBaoCao, recalculate, read what LibreOffice computed, save. One soffice
 * per call, with its own profile and pipe; batch every step of a test into
 * one call (each start costs 1–2 s).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export type LoValue = string | number | null;

export type LoStep =
  | { op: "open"; path: string }
  | { op: "set"; sheet: string; cell: string; value: LoValue }
  | { op: "setByKey"; sheet: string; keyHeader: string; key: string; header: string; value: LoValue }
  | { op: "type"; sheet: string; keyHeader: string; key: string; header: string; text: string }
  | { op: "setName"; name: string; value: LoValue }
  | { op: "recalc" }
  | { op: "columns"; sheet: string; headers: string[]; headerRow?: number }
  | { op: "cell"; sheet: string; cell: string }
  | { op: "save"; path: string }
  | { op: "pdf"; path: string; sheet: string };

const DRIVER = join(__dirname, "driver.py");

/**
 * Runs the steps in one LibreOffice session; returns one result per step
 * (null for writes, the value or columns read otherwise).
 * @example
 * const [, , statuses] = runLibreOffice([{ op: "open", path }, { op: "setName", name: "KyBaoCao", value: "Năm 2023" }, { op: "columns", sheet: "Chỉ tiêu", headers: ["Trạng thái"] }]);
 */
export function runLibreOffice(steps: LoStep[]): unknown[] {
  const r = spawnSync("/usr/bin/python3", [DRIVER], { input: JSON.stringify({ steps }), encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`LibreOffice driver failed (${r.status}): ${r.stderr}`);
  return (JSON.parse(r.stdout) as { results: unknown[] }).results;
}

/** The columns a "columns" step returned, by header. */
export function columnsOf(result: unknown): Record<string, LoValue[]> {
  return result as Record<string, LoValue[]>;
}
