import { plausible } from "./plausible";

const share = { percent: true, name: "Tỷ lệ hồ sơ đúng hạn", targetValue: 0.92 };
const rate = { percent: true, name: "Tốc độ tăng trưởng GRDP", targetValue: 0.08 };

describe("plausible", () => {
  it("asks \"bạn muốn nhập 92 %?\" when 92 is typed in a percent row", () => {
    const r = plausible(92, share);
    expect(r).toMatchObject({ ok: false, code: "form.percentAsNumber" });
    expect(!r.ok && r.vi).toContain("bạn muốn nhập 92 %?");
    expect(!r.ok && r.en).toContain("did you mean 92 %?");
  });

  it("takes a share up to 100 % and a rate up to 150 % of its target", () => {
    expect(plausible(0.95, share).ok).toBe(true);
    expect(plausible(1, share).ok).toBe(true);
    expect(plausible(1.01, share).ok).toBe(false);
    expect(plausible(0.11, rate).ok).toBe(true);
    expect(plausible(-0.05, rate).ok).toBe(true);
    expect(plausible(1.2, rate).ok).toBe(false);
  });

  it("refuses figures beyond any measurement, in any row", () => {
    expect(plausible(1e308, undefined)).toMatchObject({ ok: false, code: "form.implausible" });
    expect(plausible(-1e16, { percent: false, name: "GRDP" })).toMatchObject({ ok: false, code: "form.implausible" });
    expect(plausible(3.2e13, { percent: false, name: "GRDP (đồng)" }).ok).toBe(true);
    expect(plausible(-2, share)).toMatchObject({ ok: false, code: "form.implausible" });
  });
});
