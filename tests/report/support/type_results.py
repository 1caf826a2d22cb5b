"""Types a period's results into a Chỉ tiêu workbook in LibreOffice (python3-uno), the way an official
types them (sheet "Kết quả theo kỳ", the period's column), chooses that period in KyBaoCao, recalculates,
and saves as .xlsx. Usage: type_results.py PROFILE_DIR IN.xlsx OUT.xlsx "Năm 2023"
The first indicator with a numeric target and a ≥/≤ operator meets it exactly (the boundary counts as met),
the second misses it. Prints the typed rows as JSON: [{"name", "status"}]."""
import json, os, subprocess, sys, time
import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main():
    profile, src, dst, period = sys.argv[1:5]
    pipe = "chitieu_report_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--norestore",
                               "--accept=pipe,name=%s;urp;" % pipe], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(150):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.2)
        if ctx is None:
            raise SystemExit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
        def headers_of(sheet):
            found = {}
            for c in range(80):
                h = sheet.getCellByPosition(c, 0).getString()
                if h:
                    found[h] = c
            return found

        indicators = doc.Sheets.getByName("Chỉ tiêu")
        ih = headers_of(indicators)
        rows = {}
        row = 1
        while indicators.getCellByPosition(ih["Khóa"], row).getString() != "":
            target = indicators.getCellByPosition(ih["Mục tiêu"], row)
            rows[indicators.getCellByPosition(ih["Khóa"], row).getString()] = (
                target.getValue() if target.getType().value == "VALUE" else None,
                indicators.getCellByPosition(ih["Toán tử"], row).getString(),
                indicators.getCellByPosition(ih["Chỉ tiêu"], row).getString(),
            )
            row += 1
        # Results are typed where officials type them: the period's column of "Kết quả theo kỳ".
        grid = doc.Sheets.getByName("Kết quả theo kỳ")
        gh = headers_of(grid)
        column = gh[period]
        typed = []
        row = 1
        while len(typed) < 2 and grid.getCellByPosition(gh["Khóa"], row).getString() != "":
            t, op, name = rows.get(grid.getCellByPosition(gh["Khóa"], row).getString(), (None, "", ""))
            if t is not None and op in ("≥", "≤"):
                meet = len(typed) == 0
                better = 1 if op == "≥" else -1
                grid.getCellByPosition(column, row).setValue(t if meet else t - better * max(abs(t) * 0.2, 1))
                typed.append({"name": name, "status": "Đạt" if meet else "Không đạt"})
            row += 1
        # The official then chooses the period to look at (KyBaoCao, Tổng hợp!B5).
        doc.Sheets.getByName("Tổng hợp").getCellRangeByName("B5").setString(period)
        doc.calculateAll()
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        print(json.dumps(typed, ensure_ascii=False))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        office.wait(timeout=30)


main()
