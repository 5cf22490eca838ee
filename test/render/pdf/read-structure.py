# Reads a tagged PDF back with pikepdf (Debian's python3-pikepdf) and prints, as JSON, what a
# checker needs: the document-level keys PDF/UA-1 asks for, the structure tree with each
# element's text (decoded from the page contents through each font's ToUnicode map), the text
# drawn as artifacts, and every problem found against the machine-checkable Matterhorn Protocol
# conditions that apply to boardpack's papers. Used by tagged-pdf.test.ts.
#
#   python3 read-structure.py paper.pdf
import json
import re
import sys

import pikepdf
from pikepdf import Array, Dictionary, Name

STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI", "Index",
    "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl",
    "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote", "Note",
    "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB", "RT", "RP", "Warichu", "WT",
    "WP", "Figure", "Formula", "Form",
}
INLINE_TYPES = {"Link", "Span", "Quote", "Note", "Reference", "Code", "Annot"}
PAINTING = {"Tj", "TJ", "'", '"', "f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "sh", "Do", "BI"}

problems = []


def problem(group, message):
    problems.append(f"Matterhorn {group}: {message}")


def name(obj):
    return str(obj)[1:] if isinstance(obj, Name) else None


# ---------------------------------------------------------------- fonts and text

def to_unicode_map(font):
    """glyph code (bytes) → text, from the font's ToUnicode CMap (bfchar and bfrange)."""
    out = {}
    if "/ToUnicode" not in font:
        return out
    cmap = font.ToUnicode.read_bytes().decode("latin1")

    def hex_text(h):
        return bytes.fromhex(h).decode("utf-16-be")

    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[bytes.fromhex(src)] = hex_text(dst)
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, rest in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(\[[^\]]*\]|<[0-9A-Fa-f]+>)", block):
            a, b = int(lo, 16), int(hi, 16)
            width = len(lo) // 2
            if rest.startswith("["):
                for i, dst in enumerate(re.findall(r"<([0-9A-Fa-f]+)>", rest)):
                    out[(a + i).to_bytes(width, "big")] = hex_text(dst)
            else:
                base = bytearray(bytes.fromhex(rest[1:-1]))
                for i in range(b - a + 1):
                    value = bytearray(base)
                    value[-1] += i
                    out[(a + i).to_bytes(width, "big")] = bytes(value).decode("utf-16-be")
    return out


font_maps = {}


def check_font(font, where):
    key = font.objgen
    if key in font_maps:
        return font_maps[key]
    subtype = name(font.get("/Subtype"))
    if subtype == "Type0":
        descendant = font.DescendantFonts[0]
        descriptor = descendant.get("/FontDescriptor")
        if subtype == "Type0" and name(descendant.get("/Subtype")) == "CIDFontType2" and "/CIDToGIDMap" not in descendant:
            problem("31", f"{where}: CIDFontType2 without CIDToGIDMap")
    else:
        descriptor = font.get("/FontDescriptor")
    if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
        problem("31", f"{where}: font {font.get('/BaseFont')} is not embedded")
    if "/ToUnicode" not in font:
        problem("31", f"{where}: font {font.get('/BaseFont')} has no ToUnicode map")
    font_maps[key] = to_unicode_map(font)
    return font_maps[key]


def decode(cmap, data):
    width = len(next(iter(cmap))) if cmap else 1
    out = []
    for i in range(0, len(data), width):
        code = bytes(data[i:i + width])
        if code not in cmap:
            problem("31", f"glyph code {code.hex()} has no Unicode value")
            out.append("\ufffd")
        else:
            out.append(cmap[code])
    return "".join(out)


# ---------------------------------------------------------------- page contents

pdf = pikepdf.open(sys.argv[1])
root = pdf.Root
pages = list(pdf.pages)
page_index = {page.obj.objgen: i for i, page in enumerate(pages)}

# (page, mcid) → text; artifacts' text by kind, per page
mcid_text = {}
artifacts = []

for i, page in enumerate(pages):
    where = f"page {i + 1}"
    fonts = page.obj.get("/Resources", Dictionary()).get("/Font", Dictionary())
    stack = []  # ("artifact", kind) | ("mcid", n) | ("other", None)
    cmap = {}
    page_artifacts = {}
    for operands, operator in pikepdf.parse_content_stream(page):
        op = str(operator)
        if op in ("BDC", "BMC"):
            tag = name(operands[0])
            props = operands[1] if op == "BDC" and len(operands) > 1 else None
            if tag == "Artifact":
                if any(kind == "mcid" for kind, _ in stack):
                    problem("01", f"{where}: an artifact inside tagged content")
                kind = "artifact"
                if isinstance(props, Dictionary):
                    kind = name(props.get("/Subtype")) or name(props.get("/Type")) or "artifact"
                stack.append(("artifact", kind))
            elif isinstance(props, Dictionary) and "/MCID" in props:
                if any(kind == "artifact" for kind, _ in stack):
                    problem("01", f"{where}: tagged content inside an artifact")
                if any(kind == "mcid" for kind, _ in stack):
                    problem("01", f"{where}: marked content with an MCID inside another")
                mcid = int(props.MCID)
                if (i, mcid) in mcid_text:
                    problem("01", f"{where}: MCID {mcid} used twice")
                mcid_text[(i, mcid)] = {"tag": tag, "text": ""}
                stack.append(("mcid", mcid))
            else:
                stack.append(("other", None))
            continue
        if op == "EMC":
            if not stack:
                problem("01", f"{where}: EMC without BDC")
            else:
                stack.pop()
            continue
        if op == "Tf":
            font = fonts.get(str(operands[0]))
            cmap = check_font(font, where) if font is not None else {}
            continue
        if op not in PAINTING:
            continue
        marked = [entry for entry in stack if entry[0] in ("artifact", "mcid")]
        if not marked:
            problem("01", f"{where}: content ({op}) is neither tagged nor an artifact")
            continue
        kind, value = marked[-1]
        if op in ("Tj", "'", '"', "TJ"):
            strings = operands[-1] if op == "TJ" else [operands[-1]]
            text = "".join(decode(cmap, bytes(s)) for s in strings if isinstance(s, pikepdf.String))
            if kind == "mcid":
                mcid_text[(i, value)]["text"] += text
            else:
                page_artifacts.setdefault(value, []).append(text)
    if stack:
        problem("01", f"{where}: marked content left open at the end of the page")
    artifacts.append(page_artifacts)

# ---------------------------------------------------------------- document level

facts = {
    "marked": bool(root.get("/MarkInfo", Dictionary()).get("/Marked", False)),
    "suspects": bool(root.get("/MarkInfo", Dictionary()).get("/Suspects", False)),
    "lang": str(root.get("/Lang", "")),
    "displayDocTitle": bool(root.get("/ViewerPreferences", Dictionary()).get("/DisplayDocTitle", False)),
    "infoTitle": str(pdf.docinfo.get("/Title", "")),
    "pages": len(pages),
}
xmp = root.Metadata.read_bytes().decode("utf-8") if "/Metadata" in root else ""
part = re.search(r"<pdfuaid:part>\s*(\d+)\s*</pdfuaid:part>", xmp)
title = re.search(r"<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>(.*?)</rdf:li>", xmp, re.S)
facts["pdfuaPart"] = part.group(1) if part else None
facts["dcTitle"] = (
    title.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&") if title else None
)
if not facts["marked"]:
    problem("01", "/MarkInfo /Marked is not true")
if facts["suspects"]:
    problem("01", "/MarkInfo /Suspects is true")
if not xmp:
    problem("06", "no XMP metadata stream")
if facts["pdfuaPart"] != "1":
    problem("06", "the XMP metadata has no pdfuaid:part 1")
if not facts["dcTitle"]:
    problem("06", "the XMP metadata has no dc:title")
if not facts["displayDocTitle"]:
    problem("07", "/ViewerPreferences /DisplayDocTitle is not true")
if not facts["lang"]:
    problem("11", "the catalog has no /Lang")

# ---------------------------------------------------------------- structure tree

tree_root = root.get("/StructTreeRoot")
if tree_root is None:
    problem("01", "no structure tree")
    print(json.dumps({"facts": facts, "problems": problems}))
    sys.exit(0)
if "/RoleMap" in tree_root:
    facts["roleMap"] = True

referenced = {}  # (page, mcid) → element objgen
annot_owner = {}  # annotation objgen → element objgen


def walk(elem, inherited_page):
    s = name(elem.get("/S"))
    if s not in STANDARD_TYPES:
        problem("02", f"structure type {s} is not a standard type (and is not role-mapped)")
    node = {"type": s, "kids": []}
    attrs = elem.get("/A")
    for a in ([attrs] if isinstance(attrs, Dictionary) else list(attrs) if isinstance(attrs, Array) else []):
        if isinstance(a, Dictionary):
            if "/Scope" in a:
                node["scope"] = name(a.Scope)
            if "/ListNumbering" in a:
                node["numbering"] = name(a.ListNumbering)
    if "/Lang" in elem:
        node["lang"] = str(elem.Lang)
    page = elem.get("/Pg", inherited_page)
    kids = elem.get("/K")
    kids = list(kids) if isinstance(kids, Array) else [] if kids is None else [kids]
    for kid in kids:
        if isinstance(kid, int):
            if page is None:
                problem("01", f"{s}: an MCID with no page")
                continue
            key = (page_index[page.objgen], int(kid))
            node["kids"].append(mcr(key, elem, s))
        elif isinstance(kid, Dictionary) and name(kid.get("/Type")) == "MCR":
            key = (page_index[kid.get("/Pg", page).objgen], int(kid.MCID))
            node["kids"].append(mcr(key, elem, s))
        elif isinstance(kid, Dictionary) and name(kid.get("/Type")) == "OBJR":
            annot = kid.Obj
            annot_owner[annot.objgen] = elem.objgen
            node["kids"].append({"objr": name(annot.get("/Subtype"))})
        elif isinstance(kid, Dictionary):
            node["kids"].append(walk(kid, page))
    return node


def mcr(key, elem, s):
    if key in referenced:
        problem("01", f"page {key[0] + 1} MCID {key[1]} is in the tree twice")
    referenced[key] = elem.objgen
    marked = mcid_text.get(key)
    if marked is None:
        problem("01", f"{s} refers to page {key[0] + 1} MCID {key[1]}, which the page does not have")
        return {"text": ""}
    if marked["tag"] != s:
        problem("01", f"page {key[0] + 1} MCID {key[1]} is marked {marked['tag']} but belongs to a {s}")
    return {"text": marked["text"]}


top = tree_root.get("/K")
top = list(top) if isinstance(top, Array) else [top]
tree = [walk(k, None) for k in top if isinstance(k, Dictionary)]

for key in mcid_text:
    if key not in referenced:
        problem("01", f"page {key[0] + 1} MCID {key[1]} is tagged but not in the structure tree")

# The ParentTree leads from each MCID and annotation back to the element that holds it.
parents = {}


def read_number_tree(node):
    if "/Nums" in node:
        nums = list(node.Nums)
        for k in range(0, len(nums), 2):
            parents[int(nums[k])] = nums[k + 1]
    for kid in node.get("/Kids", []):
        read_number_tree(kid)


read_number_tree(tree_root.get("/ParentTree", Dictionary()))
for i, page in enumerate(pages):
    where = f"page {i + 1}"
    key = page.obj.get("/StructParents")
    mcids = sorted(m for (p, m) in mcid_text if p == i)
    if mcids and key is None:
        problem("01", f"{where}: tagged content but no /StructParents")
    elif mcids:
        entry = parents.get(int(key))
        for m in mcids:
            if entry is None or m >= len(entry) or entry[m].objgen != referenced.get((i, m)):
                problem("01", f"{where}: the ParentTree does not lead MCID {m} back to its element")
    annots = list(page.obj.get("/Annots", []))
    if annots and name(page.obj.get("/Tabs")) != "S":
        problem("28", f"{where}: has annotations but /Tabs is not /S")
    for annot in annots:
        subtype = name(annot.get("/Subtype"))
        if subtype == "Link":
            if annot.objgen not in annot_owner:
                problem("28", f"{where}: a link annotation is not in the structure tree")
            elif "/StructParent" not in annot or parents.get(int(annot.StructParent)) is None or parents[int(annot.StructParent)].objgen != annot_owner[annot.objgen]:
                problem("28", f"{where}: a link annotation's /StructParent does not lead to its Link element")
            if not str(annot.get("/Contents", "")).strip():
                problem("28", f"{where}: a link annotation has no /Contents describing it")

# ---------------------------------------------------------------- element rules


def elements(nodes):
    for node in nodes:
        if "type" in node:
            yield node
            yield from elements(node["kids"])


def children(node):
    return [k for k in node["kids"] if "type" in k]


def text_of(node):
    parts = []
    for kid in node["kids"]:
        if "text" in kid:
            parts.append(kid["text"])
        elif "type" in kid:
            parts.append(text_of(kid))
    return "".join(parts)


headings = []
tables = []
for node in elements(tree):
    s = node["type"]
    kinds = [k["type"] for k in children(node)]
    if s in ("H1", "H2", "H3", "H4", "H5", "H6"):
        headings.append({"level": int(s[1]), "text": text_of(node)})
    elif s == "H":
        problem("14", "an unnumbered H element (papers use H1-H3)")
    if s == "Table":
        if any(k not in ("THead", "TBody", "TFoot", "TR", "Caption") for k in kinds):
            problem("09", f"Table contains {kinds}")
        rows = []
        for part in children(node):
            for tr in ([part] if part["type"] == "TR" else children(part)):
                if tr["type"] != "TR":
                    problem("09", f"{part['type']} contains a {tr['type']}")
                    continue
                cells = children(tr)
                if any(c["type"] not in ("TH", "TD") for c in cells):
                    problem("09", f"TR contains {[c['type'] for c in cells]}")
                rows.append([{"type": c["type"], "scope": c.get("scope"), "text": text_of(c), "head": part["type"] == "THead"} for c in cells])
        if rows and len({len(r) for r in rows}) != 1:
            problem("15", f"a table's rows have different numbers of cells: {sorted({len(r) for r in rows})}")
        for row in rows:
            for c in row:
                if c["type"] == "TH" and c["scope"] not in ("Row", "Column", "Both"):
                    problem("15", f"a TH cell ({c['text']!r}) has no Scope")
        tables.append(rows)
    if s == "L" and any(k not in ("LI", "Caption") for k in kinds):
        problem("16", f"L contains {kinds}")
    if s == "LI" and any(k not in ("Lbl", "LBody") for k in kinds):
        problem("16", f"LI contains {kinds}")
    if s == "L" and node.get("numbering") is None:
        problem("16", "a list has no ListNumbering attribute")
    if s == "Link" and not any("objr" in k for k in node["kids"]):
        problem("28", f"a Link element ({text_of(node)!r}) has no link annotation")

# Headings: the first is H1 and no level is skipped on the way down.
previous = 0
for h in headings:
    if previous == 0 and h["level"] != 1:
        problem("14", f"the first heading is H{h['level']}, not H1")
    elif h["level"] > previous + 1:
        problem("14", f"H{h['level']} after H{previous} ({h['text']!r}) skips a level")
    previous = h["level"]


def reading_text(nodes):
    """The tree's text in order: block elements on lines of their own, inline ones run in."""
    lines = []
    current = []

    def visit(node):
        for kid in node["kids"]:
            if "text" in kid:
                current.append(kid["text"])
            elif "type" in kid:
                if kid["type"] in INLINE_TYPES:
                    visit(kid)
                else:
                    flush()
                    visit(kid)
                    flush()

    def flush():
        if current:
            lines.append("".join(current))
            current.clear()

    for node in nodes:
        visit(node)
        flush()
    return lines


print(json.dumps({
    "facts": facts,
    "problems": problems,
    "text": reading_text(tree),
    "headings": headings,
    "tables": tables,
    "types": sorted({n["type"] for n in elements(tree)}),
    "langs": [{"type": n["type"], "lang": n["lang"], "text": text_of(n)} for n in elements(tree) if "lang" in n],
    "artifacts": artifacts,
}, ensure_ascii=False))
