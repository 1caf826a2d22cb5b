"""Edits Chỉ tiêu workbooks the way a planner does, with a tool we did not write (openpyxl), one process
for a batch. Reads a JSON list of {"in", "out", "sheets", "column", "cells"} on stdin:
- sheets: {name: {A1: value-or-"=formula"}} — the user's own sheets, created;
- column: {"header", "values": {row: value}} or null — a column added at the right end of table ChiTieu;
- cells: {"Sheet!A1": value-or-"=formula"} — typed into existing sheets (results, notes, formulas);
- chart (optional): a bar chart of our targets on the first of the user's sheets;
- name (optional): {"name", "formula"} — a defined name of the user's.
"""
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries
from openpyxl.chart import BarChart, Reference
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.table import TableColumn

for job in json.load(sys.stdin):
    wb = openpyxl.load_workbook(job["in"])
    for name, cells in job["sheets"].items():
        ws = wb.create_sheet(name)
        for addr, v in cells.items():
            ws[addr] = v
    col = job.get("column")
    if col:
        for ws in wb.worksheets:
            if "ChiTieu" not in ws.tables:
                continue
            t = ws.tables["ChiTieu"]
            c0, r0, c1, r1 = range_boundaries(t.ref)
            ws.cell(row=r0, column=c1 + 1, value=col["header"])
            for row, v in col["values"].items():
                ws.cell(row=r0 + int(row), column=c1 + 1, value=v)
            t.ref = f"{get_column_letter(c0)}{r0}:{get_column_letter(c1 + 1)}{r1}"
            if t.autoFilter is not None:
                t.autoFilter.ref = t.ref
            t.tableColumns.append(TableColumn(id=max(c.id for c in t.tableColumns) + 1, name=col["header"]))
    for where, v in job["cells"].items():
        sheet, addr = where.rsplit("!", 1)
        wb[sheet.strip("'")][addr] = v
    if job.get("chart") and job["sheets"]:
        ours = wb["Chỉ tiêu"]
        chart = BarChart()
        chart.title = "Mục tiêu"
        chart.add_data(Reference(ours, min_col=10, min_row=1, max_row=ours.max_row), titles_from_data=True)
        wb[next(iter(job["sheets"]))].add_chart(chart, "F2")
    if job.get("name"):
        dn = DefinedName(job["name"]["name"], attr_text=job["name"]["formula"])
        try:
            wb.defined_names[job["name"]["name"]] = dn
        except (TypeError, AttributeError):
            wb.defined_names.append(dn)
    wb.save(job["out"])
print("ok")
