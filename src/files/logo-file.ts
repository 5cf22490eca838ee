// A logo a house style or spec names (`logo: crest.png`): read as a user's file, and accepted only
// when it is a whole PNG or JPEG picture, whose size in pixels we read here so the writers can
// scale it. Anything else is refused in our words, so no writer meets a picture it cannot draw.
import { readUserFile } from "./read-user-file.js";

export type LogoFile =
  | { ok: true; format: "png" | "jpeg"; bytes: Buffer; widthPx: number; heightPx: number }
  | { ok: false; message: string };

/** A crest is a small picture: anything bigger is not what the field is for. */
export const MAX_LOGO_BYTES = 5 * 1024 * 1024;

export function readLogoFile(path: string): LogoFile {
  const read = readUserFile(path, MAX_LOGO_BYTES);
  if (!read.ok) return { ok: false, message: read.reason === "missing" ? "there is no such file" : read.message };
  const size = pngSize(read.bytes) ?? jpegSize(read.bytes);
  if (size === "damaged") return { ok: false, message: "the picture is damaged or cut short; save it again as PNG or JPEG" };
  if (size === null) return { ok: false, message: "this is not a PNG or JPEG picture; save the logo as PNG or JPEG" };
  return { ok: true, ...size, bytes: read.bytes };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** PNG: the IHDR's size, once every chunk up to IEND is found whole (PNG spec §5.3). */
function pngSize(bytes: Buffer): { format: "png"; widthPx: number; heightPx: number } | "damaged" | null {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return null;
  let at = 8;
  let size: { widthPx: number; heightPx: number } | null = null;
  let data = false;
  while (at + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    if (at + 12 + length > bytes.length) return "damaged";
    if (type === "IHDR" && length >= 8) size = { widthPx: bytes.readUInt32BE(at + 8), heightPx: bytes.readUInt32BE(at + 12) };
    if (type === "IDAT") data = true;
    if (type === "IEND") return size && data && size.widthPx > 0 && size.heightPx > 0 ? { format: "png", ...size } : "damaged";
    at += 12 + length;
  }
  return "damaged";
}

const END_OF_IMAGE = Buffer.from([0xff, 0xd9]);

/** JPEG: the frame header's (SOFn) size, with the scan after it (ITU T.81 B.2). */
function jpegSize(bytes: Buffer): { format: "jpeg"; widthPx: number; heightPx: number } | "damaged" | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8 || bytes[2] !== 0xff) return null;
  let at = 2;
  let size: { widthPx: number; heightPx: number } | null = null;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return "damaged";
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return "damaged";
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame && length >= 7) size = { heightPx: bytes.readUInt16BE(at + 5), widthPx: bytes.readUInt16BE(at + 7) };
    // Start of scan: the picture's data follows; it needs a frame before it, and an end after.
    if (marker === 0xda) {
      const whole = bytes.lastIndexOf(END_OF_IMAGE) > at;
      return size && whole && size.widthPx > 0 && size.heightPx > 0 ? { format: "jpeg", ...size } : "damaged";
    }
    at += 2 + length;
  }
  return "damaged";
}
