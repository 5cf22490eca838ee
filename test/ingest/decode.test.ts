import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/ingest/decode.js";

// “Review £500 – café” as Excel's plain "CSV" writes it on Windows (cp1252).
const CP1252 = Buffer.from([
  0x93, 0x52, 0x65, 0x76, 0x69, 0x65, 0x77, 0x20, 0xa3, 0x35, 0x30, 0x30, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x94,
]);
const TEXT = "“Review £500 – café”";

describe("decodeText", () => {
  it("reads Windows-1252 when the bytes are not UTF-8", () => {
    expect(decodeText(CP1252)).toEqual({ text: TEXT, encoding: "windows-1252" });
  });

  it("maps every byte 0x80-0x9F as the WHATWG windows-1252 table does (Node's own decoder does not)", () => {
    const expected = [
      0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
      0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
    ];
    const bytes = Buffer.from([...Array(32).keys()].map((i) => 0x80 + i));
    expect(decodeText(bytes).text).toBe(String.fromCodePoint(...expected));
    expect(decodeText(Buffer.from([0xa3, 0xe9, 0xff])).text).toBe("£éÿ");
  });

  it("reads plain UTF-8", () => {
    expect(decodeText(Buffer.from(TEXT, "utf8"))).toEqual({ text: TEXT, encoding: "utf-8" });
  });

  it("strips a UTF-8 BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")]);
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: "utf-8-bom" });
  });

  it("reads UTF-16LE with a BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]);
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: "utf-16le" });
  });

  it("reads UTF-16BE with a BOM", () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]).swap16();
    expect(decodeText(bytes)).toEqual({ text: TEXT, encoding: "utf-16be" });
  });

  it("reads an empty file as empty UTF-8", () => {
    expect(decodeText(Buffer.alloc(0))).toEqual({ text: "", encoding: "utf-8" });
  });
});
