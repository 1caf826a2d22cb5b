"""Types full-year results into a Chỉ tiêu workbook in LibreOffice (python3-uno), the way an official
types them, recalculates, and saves as .xlsx. Usage: type_results.py PROFILE_DIR IN.xlsx OUT.xlsx
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
    profile, src, dst = sys.argv[1:4]
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
        sheet = doc.Sheets.getByName("Chỉ tiêu")
        headers = {}
        for c in range(60):
            h = sheet.getCellByPosition(c, 0).getString()
            if h:
                headers[h] = c
        typed = []
        row = 1
        while len(typed) < 2 and sheet.getCellByPosition(headers["Chỉ tiêu"], row).getString() != "":
            target = sheet.getCellByPosition(headers["Mục tiêu"], row)
            op = sheet.getCellByPosition(headers["Toán tử"], row).getString()
            if target.getType().value == "VALUE" and op in ("≥", "≤"):
                t = target.getValue()
                meet = len(typed) == 0
                better = 1 if op == "≥" else -1
                value = t if meet else t - better * max(abs(t) * 0.2, 1)
                sheet.getCellByPosition(headers["Kết quả cả năm"], row).setValue(value)
                typed.append({"name": sheet.getCellByPosition(headers["Chỉ tiêu"], row).getString(), "status": "Đạt" if meet else "Không đạt"})
            row += 1
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
