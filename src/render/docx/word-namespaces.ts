// The XML namespaces docx declares on the root of each WordprocessingML part, in its order
// (which is what Word reads: every prefix the part might use, whether or not it does).

const declare = (namespaces: readonly (readonly [string, string])[]) => namespaces.map(([prefix, uri]) => ` xmlns:${prefix}="${uri}"`).join("");

/** The body, notes, settings, numbering, header and footer all declare these. */
export const WORD_NAMESPACES = declare([
  ["wpc", "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas"],
  ["mc", "http://schemas.openxmlformats.org/markup-compatibility/2006"],
  ["o", "urn:schemas-microsoft-com:office:office"],
  ["r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"],
  ["m", "http://schemas.openxmlformats.org/officeDocument/2006/math"],
  ["v", "urn:schemas-microsoft-com:vml"],
  ["wp14", "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing"],
  ["wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"],
  ["w10", "urn:schemas-microsoft-com:office:word"],
  ["w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"],
  ["w14", "http://schemas.microsoft.com/office/word/2010/wordml"],
  ["w15", "http://schemas.microsoft.com/office/word/2012/wordml"],
  ["wpg", "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"],
  ["wpi", "http://schemas.microsoft.com/office/word/2010/wordprocessingInk"],
  ["wne", "http://schemas.microsoft.com/office/word/2006/wordml"],
  ["wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"],
]);

/** Chart extensions: the document and headers declare these too. */
const CHART_NAMESPACES = declare([
  ["cx", "http://schemas.microsoft.com/office/drawing/2014/chartex"],
  ["cx1", "http://schemas.microsoft.com/office/drawing/2015/9/8/chartex"],
  ["cx2", "http://schemas.microsoft.com/office/drawing/2015/10/21/chartex"],
  ["cx3", "http://schemas.microsoft.com/office/drawing/2016/5/9/chartex"],
  ["cx4", "http://schemas.microsoft.com/office/drawing/2016/5/10/chartex"],
  ["cx5", "http://schemas.microsoft.com/office/drawing/2016/5/11/chartex"],
  ["cx6", "http://schemas.microsoft.com/office/drawing/2016/5/12/chartex"],
  ["cx7", "http://schemas.microsoft.com/office/drawing/2016/5/13/chartex"],
  ["cx8", "http://schemas.microsoft.com/office/drawing/2016/5/14/chartex"],
]);

const W16CID = ["w16cid", "http://schemas.microsoft.com/office/word/2016/wordml/cid"] as const;
const W16SE = ["w16se", "http://schemas.microsoft.com/office/word/2015/wordml/symex"] as const;

export const DOCUMENT_NAMESPACES =
  WORD_NAMESPACES +
  CHART_NAMESPACES +
  declare([
    ["aink", "http://schemas.microsoft.com/office/drawing/2016/ink"],
    ["am3d", "http://schemas.microsoft.com/office/drawing/2017/model3d"],
    ["w16cex", "http://schemas.microsoft.com/office/word/2018/wordml/cex"],
    W16CID,
    ["w16", "http://schemas.microsoft.com/office/word/2018/wordml"],
    ["w16sdtdh", "http://schemas.microsoft.com/office/word/2020/wordml/sdtdatahash"],
    W16SE,
  ]);

export const HEADER_NAMESPACES = WORD_NAMESPACES + CHART_NAMESPACES + declare([W16CID, W16SE]);

/** The package's relationship parts (`_rels/*.rels`). */
export const RELATIONSHIPS_NAMESPACE = "http://schemas.openxmlformats.org/package/2006/relationships";

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
export const XML_DECLARATION_STANDALONE = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
