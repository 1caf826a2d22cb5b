import { MAX_NAME_UNITS, windowsNameProblem } from "./fileName";

describe("windowsNameProblem", () => {
  it("accepts Vietnamese names with spaces, dots inside and long-but-allowed lengths", () => {
    for (const name of ["theo dõi chỉ tiêu.xlsx", "Báo cáo 6 tháng 2025.docx", "bao-cao-2023-so-tu-phap.xlsx", "v1.2.final.xlsx", "a".repeat(MAX_NAME_UNITS), "CONG-VAN.xlsx", "console.xlsx", "nul-2.xlsx"]) {
      expect([name, windowsNameProblem(name)]).toEqual([name, null]);
    }
  });

  it("refuses the device names Windows reserves, in any case and with any extension", () => {
    for (const name of ["CON", "con.xlsx", "Prn.docx", "AUX", "NUL.txt", "COM1.xlsx", "com9", "LPT1.docx", "lpt3.tar", "COM¹.xlsx", "NUL.tar.gz"]) {
      expect([name, windowsNameProblem(name)?.code]).toEqual([name, "fileName.reserved"]);
    }
  });

  it("refuses the characters Windows forbids and says which one", () => {
    for (const [name, ch] of [["bao-cao?.docx", '"?"'], ["a:b.xlsx", '":"'], ['so "moi".xlsx', '"""'], ["a<b>.xlsx", '"<"'], ["x|y.xlsx", '"|"'], ["a*.xlsx", '"*"'], ["a\\b.xlsx", '"\\"'], ["tab\there.xlsx", "mã 9"]] as const) {
      const problem = windowsNameProblem(name);
      expect(problem?.code).toBe("fileName.character");
      expect(problem?.message).toContain(ch);
    }
  });

  it("refuses a trailing space or dot, which Windows would silently drop", () => {
    expect(windowsNameProblem("bao-cao.xlsx ")?.code).toBe("fileName.trailing");
    expect(windowsNameProblem("bao-cao.")?.code).toBe("fileName.trailing");
  });

  it("refuses an empty name and one longer than 255 UTF-16 units", () => {
    expect(windowsNameProblem("")?.code).toBe("fileName.empty");
    expect(windowsNameProblem("..")?.code).toBe("fileName.empty");
    expect(windowsNameProblem("ả".repeat(MAX_NAME_UNITS + 1))?.code).toBe("fileName.tooLong");
  });
});
