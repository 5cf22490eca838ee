// The workbook's text (xl/sharedStrings.xml): each distinct string is stored once and cells
// refer to it by number, which keeps a tracker full of repeated owners and statuses small.
import { textForExcelCell } from "../../model/cell-limit.js";
import { XmlBuffer } from "./xml-buffer.js";
import { escapeXml } from "./xml-text.js";

export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly texts: string[] = [];

  /** The string's number, adding it when new (cut to what an Excel cell holds; the reader warned at its cell). */
  id(whole: string): number {
    const text = textForExcelCell(whole);
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.index.set(text, id);
      this.texts.push(text);
    }
    return id;
  }

  /** xl/sharedStrings.xml as UTF-8. exceljs gave the number of distinct strings as the count too; so do we. */
  bytes(): Buffer {
    const n = this.texts.length;
    const out = new XmlBuffer();
    out.add(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${n}" uniqueCount="${n}">`);
    for (const text of this.texts) {
      // Spaces at either end, or a line break, survive only when the element says so.
      const space = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : "";
      out.add(`<si><t${space}>${escapeXml(text)}</t></si>`);
    }
    out.add("</sst>");
    return out.bytes();
  }
}
