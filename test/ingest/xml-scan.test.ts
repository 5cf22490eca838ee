// The XML scanner reading a part bytewise (UTF-8 one character per byte, how a large sheet is
// held at one byte a character) must see exactly what it sees in the part decoded as text.
import { describe, expect, it } from "vitest";
import { bytewiseText, scanXml, XmlMalformed, type XmlHandler } from "../../src/ingest/xml-scan.js";

/** Every event the scanner reports, with each tag's attributes as the handler reads them. */
function events(xml: string, bytewise: boolean, attributeNames: string[]): string[] {
  const out: string[] = [];
  const handler: XmlHandler = {
    open(name, attrs) {
      out.push(`open ${name} ${attributeNames.map((a) => `${a}=${attrs.get(a) ?? "-"}`).join(" ")} r:id=${attrs.getPrefixed("id") ?? "-"}`);
    },
    text(value) {
      out.push(`text ${value}`);
    },
    close(name) {
      out.push(`close ${name}`);
    },
  };
  scanXml(xml, handler, { bytewise });
  return out;
}

function refusal(xml: string, bytewise: boolean): XmlMalformed {
  try {
    scanXml(xml, { open() {}, text() {}, close() {} }, { bytewise });
  } catch (err) {
    if (err instanceof XmlMalformed) return err;
    throw err;
  }
  throw new Error("not refused");
}

const bytewise = (text: string) => bytewiseText(Buffer.from(text, "utf8"));

describe("scanXml bytewise", () => {
  it("reports names, attribute values, text and CDATA with other than ASCII as the decoded text does", () => {
    const xml =
      '\ufeff<?xml version="1.0"?><données xmlns:r="urn:r"><si note="café – £5" r:id="rId‘1’"><t>The force’s “review” – 😀 &amp; done</t></si>' +
      "<c note='naïve'>plain</c><t><![CDATA[Ω < ∑]]></t><ünïcode/></données>";
    const names = ["note"];
    const expected = events(xml, false, names);
    expect(expected).toContain("text The force’s “review” – 😀 & done");
    expect(expected).toContain("open si note=café – £5 r:id=rId‘1’");
    expect(events(bytewise(xml), true, names)).toEqual(expected);
  });

  it("refuses U+FFFE and U+FFFF, which XML does not allow, read bytewise too", () => {
    for (const bad of ["\ufffe", "\uffff"]) {
      const xml = `<a><b>x${bad}y</b></a>`;
      expect(refusal(xml, false).reason).toMatch(/control character/);
      const read = refusal(bytewise(xml), true);
      expect(read.reason).toMatch(/control character/);
      expect(read.offset).toBe(7);
    }
  });

  it("names a tag closed by another with its name decoded", () => {
    expect(refusal(bytewise("<données></donnees>"), true).reason).toBe("<données> closed by </donnees>");
  });
});
