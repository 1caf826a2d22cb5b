"""A planner's edits made in LibreOffice itself (through UNO), for the update tests: argv = IN OUT PROFILE_DIR.
Adds a sheet "Theo dõi" with formulas pointing at our tables (A1 references) and a chart of
our targets, a column "Người phụ trách" inside table ChiTieu, and a formula typed in a result cell (the
first row's cell of the first "Năm …" column of the period grid KetQuaTheoKy); saves as .xlsx the way
LibreOffice does. Prints what it did as JSON ({column, rows, result: the result cell's address}).
"""
import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.awt import Rectangle
from com.sun.star.table import CellRangeAddress


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


src, out, profile = sys.argv[1], sys.argv[2], sys.argv[3]
pipe = f"inplace{os.getpid()}"
office = subprocess.Popen(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
                           f"--accept=pipe,name={pipe};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(100):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.2)
    else:
        raise SystemExit("soffice did not answer")
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), "_blank", 0, (prop("Hidden", True),))
    sheets = doc.Sheets
    ours = sheets.getByName("Chỉ tiêu")
    db = doc.DatabaseRanges.getByName("ChiTieu")
    area = db.DataArea
    col = area.EndColumn + 1
    ours.getCellByPosition(col, area.StartRow).setString("Người phụ trách")
    ours.getCellByPosition(col, area.StartRow + 1).setString("Chị Lan")
    wider = CellRangeAddress()
    wider.Sheet, wider.StartColumn, wider.StartRow, wider.EndColumn, wider.EndRow = area.Sheet, area.StartColumn, area.StartRow, col, area.EndRow
    db.setDataArea(wider)
    # A formula typed in a result cell: the first row's cell of the grid's first whole-year column.
    grid_sheet = sheets.getByName("Kết quả theo kỳ")
    grid = doc.DatabaseRanges.getByName("KetQuaTheoKy").DataArea
    year_col = next(c for c in range(grid.StartColumn, grid.EndColumn + 1)
                    if grid_sheet.getCellByPosition(c, grid.StartRow).getString().startswith("Năm "))
    result_cell = grid_sheet.getCellByPosition(year_col, grid.StartRow + 1)
    # The "Mục tiêu" column found by its header (columns of ours may be added before it).
    t_col = next(c for c in range(area.StartColumn, area.EndColumn + 1)
                 if ours.getCellByPosition(c, area.StartRow).getString() == "Mục tiêu")
    t_letter = ours.getCellByPosition(t_col, 0).AbsoluteName.split(".")[-1].replace("$", "").rstrip("0123456789")
    result_cell.setFormula(f"=$'Chỉ tiêu'.{t_letter}2*0.9")
    result = result_cell.AbsoluteName.split(".")[-1].replace("$", "")
    sheets.insertNewByName("Theo dõi", sheets.Count)
    mine = sheets.getByName("Theo dõi")
    mine.getCellRangeByName("A1").setString("Tổng mục tiêu")
    mine.getCellRangeByName("B1").setFormula(f"=SUM($'Chỉ tiêu'.{t_letter}2:{t_letter}3)")
    mine.getCellRangeByName("B2").setFormula(f"=$'Kết quả theo kỳ'.{result}+1")
    mine.getCellRangeByName("B3").setValue(42)
    rect = Rectangle()
    rect.X, rect.Y, rect.Width, rect.Height = 1000, 3000, 12000, 7000
    source = CellRangeAddress()
    source.Sheet, source.StartColumn, source.StartRow, source.EndColumn, source.EndRow = area.Sheet, t_col, 0, t_col, area.EndRow
    mine.Charts.addNewByName("MucTieu", rect, (source,), True, False)
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(out)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
    print(json.dumps({"column": col, "rows": area.EndRow, "result": result}))
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    office.wait(timeout=30)
