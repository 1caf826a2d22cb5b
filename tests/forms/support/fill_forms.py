"""Fills report forms the way an agency's official does, in LibreOffice Calc through python3-uno.

Usage: fill_forms.py JOBS.json
JOBS.json: [{"in": "form.xlsx", "out": "filled.xlsx", "cells": [{"key": "PL-I/3.2", "column": "Kết quả kỳ này", "text": "3,1"}]}]

Each cell is found by its row's hidden key (column "Khóa") and its column header on the sheet "Báo cáo",
then typed with setFormula, which parses text exactly as typing does (locale vi-VN: "3,1" is a number,
"92%" is 0.92, "khoảng 20" stays text). The file is saved as .xlsx by LibreOffice. One soffice for all jobs.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.lang import Locale


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(profile, pipe):
    proc = subprocess.Popen([
        "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore", "--nologo",
        f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(200):
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return proc, ctx
        except Exception:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("soffice did not start")


def fill(desktop, job):
    url = uno.systemPathToFileUrl(os.path.abspath(job["in"]))
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    try:
        sheet = doc.Sheets.getByName("Báo cáo")
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        last_row = cursor.RangeAddress.EndRow
        last_col = cursor.RangeAddress.EndColumn
        # Header rows of the two tables: rows whose cells include "Khóa".
        headers = []
        for r in range(last_row + 1):
            texts = [sheet.getCellByPosition(c, r).getString() for c in range(last_col + 1)]
            if "Khóa" in texts:
                headers.append((r, texts))
        done = 0
        for cell in job["cells"]:
            for i, (hr, texts) in enumerate(headers):
                end = headers[i + 1][0] if i + 1 < len(headers) else last_row + 1
                if cell["column"] not in texts:
                    continue
                k = texts.index("Khóa")
                c = texts.index(cell["column"])
                for r in range(hr + 1, end):
                    if sheet.getCellByPosition(k, r).getString() == cell["key"]:
                        target = sheet.getCellByPosition(c, r)
                        target.setFormula(cell["text"])
                        done += 1
        if done != len(job["cells"]):
            raise RuntimeError(f"{job['in']}: filled {done} of {len(job['cells'])} cells")
        out = uno.systemPathToFileUrl(os.path.abspath(job["out"]))
        doc.storeToURL(out, (prop("FilterName", "Calc MS Excel 2007 XML"),))
    finally:
        doc.close(True)


def main():
    jobs = json.load(open(sys.argv[1], encoding="utf-8"))
    profile = tempfile.mkdtemp(prefix="lo-forms-")
    pipe = f"forms{os.getpid()}"
    proc, ctx = connect(profile, pipe)
    try:
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for job in jobs:
            fill(desktop, job)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
