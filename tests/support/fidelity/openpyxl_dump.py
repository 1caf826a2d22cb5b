"""Every cell of every sheet of each .xlsx given, as openpyxl reads it, as JSON on stdout.

A reader we did not write: if openpyxl refuses a file ("Colors must be aRGB hex values"), so will
colleagues' Python scripts. Formulas come out as their text ("=SUM(A1:A3)"), dates as ISO strings.
"""
import datetime
import json
import sys

import openpyxl


def value(v):
    if isinstance(v, (datetime.datetime, datetime.date)):
        return v.date().isoformat() if isinstance(v, datetime.datetime) else v.isoformat()
    if v is None or isinstance(v, (str, int, float, bool)):
        return v
    return str(v)


out = {}
for path in sys.argv[1:]:
    try:
        wb = openpyxl.load_workbook(path)
    except Exception as e:  # the refusal itself is the finding
        out[path] = {"error": f"{type(e).__name__}: {e}"}
        continue
    sheets = {}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is not None:
                    cells[c.coordinate] = value(c.value)
        sheets[ws.title] = cells
    out[path] = {"sheets": sheets, "tables": {ws.title: sorted(ws.tables.keys()) for ws in wb.worksheets}}
json.dump(out, sys.stdout, ensure_ascii=False)
