/** Score scales written in indicator names: "(1=Không thể; 5=Rất dễ)", "(1 = không dễ; 5 = rất dễ)". */

export interface Scale {
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  raw: string;
}

const SCALE = /\(\s*(\d+)\s*=\s*([^;,()=]+?)\s*[;,]\s*(\d+)\s*=\s*([^;,()=]+?)\s*\)/u;

/**
 * The scale stated in a name, or null.
 * @example
 * scaleOf("Tiếp cận tài liệu pháp lý (1=Không thể; 5=Rất dễ)") // { min: 1, max: 5, minLabel: "Không thể", maxLabel: "Rất dễ", … }
 */
export function scaleOf(name: string): Scale | null {
  const m = SCALE.exec(name.normalize("NFC"));
  if (!m) return null;
  const min = Number(m[1]);
  const max = Number(m[3]);
  if (!(max > min)) return null;
  return { min, max, minLabel: (m[2] ?? "").trim(), maxLabel: (m[4] ?? "").trim(), raw: m[0] };
}

/** Labels compared ignoring case and spacing: "Rất dễ" = "rất dễ", "Không thể" ≠ "không dễ". */
export function sameScale(a: Scale, b: Scale): boolean {
  const k = (s: string): string => s.toLocaleLowerCase("vi").replace(/\s+/g, " ");
  return a.min === b.min && a.max === b.max && k(a.minLabel) === k(b.minLabel) && k(a.maxLabel) === k(b.maxLabel);
}
