#!/usr/bin/python3
"""
A small LibreOffice driver for tests: types into cells the way an official
does (through the UNO API of a headless soffice), recalculates and reads back
what LibreOffice computed, and saves. One soffice per run, with its own
profile directory and pipe, so parallel tests never share an instance.

Input (stdin, JSON): {"steps": [...]}; each step is one of
  {"op": "open", "path": "/abs/file.xlsx"}
  {"op": "set", "sheet": "Kết quả theo kỳ", "cell": "D5", "value": 0.42}   (number, text, or null to clear)
  {"op": "setByKey", "sheet": S, "keyHeader": "Khóa", "key": K, "header": H, "value": V}  (row by key, column by header)
  {"op": "setName", "name": "KyBaoCao", "value": "Năm 2023"}                 (a named single cell)
  {"op": "type", "sheet": S, "keyHeader": "Khóa", "key": K, "header": H, "text": "45%"}  (typed text, parsed as Calc parses typing)
  {"op": "recalc"}
  {"op": "columns", "sheet": S, "headers": ["Khóa", "Trạng thái"]}          -> {header: [values of the data rows]}
  {"op": "cell", "sheet": S, "cell": "B5"}                                  -> value
  {"op": "save", "path": "/abs/out.xlsx"}                                   (Calc MS Excel 2007 XML)
  {"op": "pdf", "path": "/abs/out.pdf", "sheet": S}                         (that sheet only)
Output (stdout, JSON): {"results": [one entry per step: null or the read value]}.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start():
    profile = tempfile.mkdtemp(prefix="lo-uno-")
    pipe = "chitieu_" + uuid.uuid4().hex
    proc = subprocess.Popen(
        ["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible", "--nologo",
         "--norestore", "--nodefault", "--accept=pipe,name=%s;urp;" % pipe],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except Exception:
            if time.time() > deadline or proc.poll() is not None:
                proc.kill()
                shutil.rmtree(profile, ignore_errors=True)
                raise RuntimeError("soffice did not start")
            time.sleep(0.2)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    return proc, profile, desktop


def col_index(letters):
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n - 1


def cell_of(sheet, address):
    import re
    m = re.match(r"^\$?([A-Za-z]+)\$?(\d+)$", address)
    return sheet.getCellByPosition(col_index(m.group(1)), int(m.group(2)) - 1)


def value_of(cell):
    t = cell.getType().value  # EMPTY, VALUE, TEXT, FORMULA
    if t == "EMPTY":
        return None
    if t == "VALUE":
        return cell.getValue()
    if t == "TEXT":
        return cell.getString()
    # A formula: its result, as a number when it computed one.
    if cell.getError() != 0:
        return "#ERR:%d" % cell.getError()
    # com.sun.star.sheet.FormulaResult: VALUE = 1, STRING = 2, ERROR = 4.
    if cell.FormulaResultType2 == 1:
        return cell.getValue()
    s = cell.getString()
    return s if s != "" else None


def set_value(cell, value):
    if value is None:
        cell.setString("")
    elif isinstance(value, bool):
        cell.setValue(1 if value else 0)
    elif isinstance(value, (int, float)):
        cell.setValue(value)
    else:
        cell.setString(str(value))


def header_row(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    last_col = cursor.getRangeAddress().EndColumn
    last_row = cursor.getRangeAddress().EndRow
    return last_col, last_row


def find_header(sheet, header, last_col, row=0):
    for c in range(last_col + 1):
        if sheet.getCellByPosition(c, row).getString() == header:
            return c
    raise KeyError("no column %r on %s" % (header, sheet.getName()))


def cell_by_key(sheets, step):
    """The cell under column `header` in the row whose `keyHeader` column holds `key` (row order never matters)."""
    sheet = sheets.getByName(step["sheet"])
    last_col, last_row = header_row(sheet)
    kc = find_header(sheet, step["keyHeader"], last_col)
    vc = find_header(sheet, step["header"], last_col)
    for r in range(1, last_row + 1):
        if sheet.getCellByPosition(kc, r).getString() == step["key"]:
            return sheet.getCellByPosition(vc, r)
    raise KeyError("no row with key %r" % step["key"])


def run(doc_holder, desktop, step):
    op = step["op"]
    doc = doc_holder.get("doc")
    if op == "open":
        url = uno.systemPathToFileUrl(step["path"])
        doc_holder["doc"] = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
        doc_holder["doc"].calculateAll()
        return None
    sheets = doc.getSheets() if doc is not None else None
    if op == "set":
        set_value(cell_of(sheets.getByName(step["sheet"]), step["cell"]), step["value"])
        return None
    if op == "setByKey":
        set_value(cell_by_key(sheets, step), step["value"])
        return None
    if op == "type":
        # setFormula parses the text the way the input line does: "45%" → 0.45, "3.4" → 3.4.
        cell_by_key(sheets, step).setFormula(step["text"])
        return None
    if op == "setName":
        ranges = doc.NamedRanges
        named = ranges.getByName(step["name"])
        addr = named.getReferredCells().getCellAddress() if hasattr(named.getReferredCells(), "getCellAddress") else named.getReferredCells().getRangeAddress()
        sheet = sheets.getByIndex(addr.Sheet)
        col = addr.Column if hasattr(addr, "Column") else addr.StartColumn
        row = addr.Row if hasattr(addr, "Row") else addr.StartRow
        set_value(sheet.getCellByPosition(col, row), step["value"])
        return None
    if op == "recalc":
        doc.calculateAll()
        return None
    if op == "columns":
        sheet = sheets.getByName(step["sheet"])
        last_col, last_row = header_row(sheet)
        row0 = step.get("headerRow", 1) - 1
        out = {}
        for h in step["headers"]:
            c = find_header(sheet, h, last_col, row0)
            out[h] = [value_of(sheet.getCellByPosition(c, r)) for r in range(row0 + 1, last_row + 1)]
        return out
    if op == "cell":
        return value_of(cell_of(sheets.getByName(step["sheet"]), step["cell"]))
    if op == "save":
        url = uno.systemPathToFileUrl(step["path"])
        doc.storeToURL(url, (prop("FilterName", "Calc MS Excel 2007 XML"),))
        return None
    if op == "pdf":
        # Only the named sheet: hide the others' print ranges by exporting a selection of that sheet.
        sheet = sheets.getByName(step["sheet"])
        controller = doc.getCurrentController()
        if controller is not None:
            controller.setActiveSheet(sheet)
        url = uno.systemPathToFileUrl(step["path"])
        filt = uno.Any("[]com.sun.star.beans.PropertyValue", tuple([prop("Selection", sheet)]))
        doc.storeToURL(url, (prop("FilterName", "calc_pdf_Export"), prop("FilterData", filt)))
        return None
    raise ValueError("unknown op %r" % op)


def main():
    script = json.load(sys.stdin)
    proc, profile, desktop = start()
    holder = {}
    results = []
    try:
        for step in script["steps"]:
            results.append(run(holder, desktop, step))
    finally:
        try:
            if holder.get("doc") is not None:
                holder["doc"].close(True)
        except Exception:
            pass
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=20)
        except Exception:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump({"results": results}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
