// One palette for every writer, so a RAG cell is the same colour in Word, PDF and Excel.
// Text colours are chosen for a contrast of at least 4.5:1 against the fill.
import type { Rag } from "../model/schema.js";

export const RAG_FILL: Record<Rag, string> = {
  red: "C00000",
  amber: "FFC000",
  green: "00B050",
  blue: "0070C0",
};

export const RAG_TEXT: Record<Rag, string> = {
  red: "FFFFFF",
  amber: "000000",
  green: "000000",
  blue: "FFFFFF",
};
