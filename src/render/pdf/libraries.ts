// pdf-lib and fontkit, each loaded from the single-file bundle its package ships, with require.
// `import … from "pdf-lib"` loads pdf-lib's hundreds of CommonJS files through Node's ESM loader,
// which first scans every one of them (and fontkit's 1.5 MB file) for its exports: together
// about three times the work of requiring the two bundles. The bundles are the same versions
// built from the same sources; everything the PDF writer makes comes from these, so its objects
// are all of one copy of pdf-lib. Types still come from the packages (`import type`).
import { createRequire } from "node:module";
import type * as PdfLib from "pdf-lib";
import type * as Fontkit from "@pdf-lib/fontkit";

const require = createRequire(import.meta.url);

export const pdfLib = require("pdf-lib/dist/pdf-lib.min.js") as typeof PdfLib;
export const fontkit = require("@pdf-lib/fontkit/dist/fontkit.umd.min.js") as typeof Fontkit;
