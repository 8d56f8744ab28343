#!/usr/bin/env python3
"""Makes a hostile variant of a SIPOT template, for tests (zipfile only, no openpyxl).

usage: hostile_template.py IN.xlsx OUTDIR CASE...
       hostile_template.py --inspect FILE.xlsx...   (prints `FILE<TAB>entry name` for each
                                                      entry, `FILE<TAB><!DOCTYPE` per DOCTYPE)
Writes OUTDIR/CASE.xlsx for each CASE, one of the names in CASES below (one run for all: python
starts slowly on a busy machine); each edits the package the way a broken or malicious
template would: references past Excel's limits, a column range from INT_MIN, a catalogue range of
two billion rows, parts that inflate past any real template, a sheet name that is a path, zip
entries that climb out of the package, DOCTYPE declarations.
"""
import re
import sys
import zipfile


def main_sheet(parts):
    return "xl/worksheets/sheet1.xml"


def edit(parts, name, fn):
    parts[name] = fn(parts[name].decode()).encode()


def bad_ref(parts):
    # A cell reference with six letters and one past the last row, among the real cells.
    edit(parts, main_sheet(parts), lambda s: s.replace(
        "</sheetData>", '<row r="9"><c r="ZZZZZZ7" t="inlineStr"><is><t>x</t></is></c>'
        '<c r="A99999999999" t="inlineStr"><is><t>y</t></is></c></row></sheetData>', 1))


def col_min(parts):
    edit(parts, main_sheet(parts), lambda s: s.replace(
        "<cols>", '<cols><col min="-2147483648" max="2147483647" style="0"/>', 1))


def huge_range(parts):
    # A list validation whose catalogue range names two billion rows.
    edit(parts, main_sheet(parts), lambda s: re.sub(
        r"<formula1>[^<]*</formula1>", "<formula1>Hidden_1!$A$1:$A$2000000000</formula1>", s))


def huge_sqref(parts):
    edit(parts, main_sheet(parts), lambda s: re.sub(
        r'sqref="[^"]*"', 'sqref="A8:XFD2000000000 ZZZZ1:ZZZZ9"', s))


def inflated_part(parts):
    parts["xl/media/big.bin"] = b"\0" * (40 << 20)


def many_parts(parts):
    for i in range(6):
        parts["xl/media/part%d.bin" % i] = b"\0" * (7 << 20)


def big_shared_strings(parts):
    edit(parts, "xl/sharedStrings.xml", lambda s: s.replace(
        "</sst>", "<si><t>a</t></si>" * (1 << 20) + "</sst>", 1))


def sheet_path(parts):
    # The sub-table's sheet name (and the field id that names it) become a path.
    for name in list(parts):
        if name.endswith(".xml"):
            edit(parts, name, lambda s: s.replace("512813", "x/../../ESCAPED"))


def zip_slip(parts):
    parts["../../ESCAPED.txt"] = b"fuera"
    parts["/tmp/ESCAPED_ABS.txt"] = b"fuera"


def doctype(parts):
    decl = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
    for name in ("docProps/app.xml", "xl/styles.xml", main_sheet(parts)):
        edit(parts, name, lambda s: s.replace("?>", "?>" + decl, 1))


CASES = {f.__name__: f for f in (bad_ref, col_min, huge_range, huge_sqref, inflated_part,
                                 many_parts, big_shared_strings, sheet_path, zip_slip, doctype)}


def inspect(files):
    for f in files:
        with zipfile.ZipFile(f) as z:
            for name in z.namelist():
                print("%s\t%s" % (f, name))
                if b"<!DOCTYPE" in z.read(name):
                    print("%s\t<!DOCTYPE" % f)


def main():
    if sys.argv[1] == "--inspect":
        return inspect(sys.argv[2:])
    src, out_dir = sys.argv[1], sys.argv[2]
    with zipfile.ZipFile(src) as z:
        original = {i.filename: z.read(i.filename) for i in z.infolist()}
    for case in sys.argv[3:]:
        parts = dict(original)
        CASES[case](parts)
        with zipfile.ZipFile("%s/%s.xlsx" % (out_dir, case), "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)


if __name__ == "__main__":
    main()
