// External hyperlinks as docx components, with relationship ids we choose (link-ids.ts).
import { ConcreteHyperlink, type IContext, type IXmlableObject, type ParagraphChild } from "docx";
import type { LinkIds } from "./link-ids.js";

const HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" as const;

/**
 * The relationship ids already written into each part's relationships. One entry per address per
 * part, however many links use it and however often docx writes the part (it writes headers twice).
 */
const written = new WeakMap<object, Set<string>>();

class StableHyperlink extends ConcreteHyperlink {
  constructor(
    children: readonly ParagraphChild[],
    id: string,
    private readonly target: string,
  ) {
    super(children, id);
  }

  override prepForXml(context: IContext): IXmlableObject | undefined {
    addLinkRelationship(context, this.linkId, this.target);
    return super.prepForXml(context);
  }
}

/** The relationship a link's id names, added to the part being written unless it is there already. */
function addLinkRelationship(context: IContext, id: string, target: string): void {
  const relationships = context.viewWrapper.Relationships;
  let ids = written.get(relationships);
  if (!ids) written.set(relationships, (ids = new Set()));
  if (!ids.has(id)) {
    ids.add(id);
    relationships.addRelationship(id, HYPERLINK, target, "External");
  }
}

/** A hyperlink to an external address, as a paragraph child (a `w:hyperlink` with our relationship id). */
export function externalLink(children: readonly ParagraphChild[], target: string, ids: LinkIds): ParagraphChild {
  // ConcreteHyperlink is what docx itself puts in a paragraph for an ExternalHyperlink, but its
  // type is not in the ParagraphChild union.
  return new StableHyperlink(children, ids.idFor(target), target) as unknown as ParagraphChild;
}
