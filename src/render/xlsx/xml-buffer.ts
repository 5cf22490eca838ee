// XML text gathered as UTF-8 bytes while it is written. A 50,000-row sheet is millions of small
// strings; turning them into bytes every 64 KB lets them die young (cheap to collect) instead of
// all living until the part is done, and the part is held once, as bytes.

const CHUNK_CHARS = 1 << 16;

export class XmlBuffer {
  private readonly chunks: Buffer[] = [];
  private pending: string[] = [];
  private pendingChars = 0;

  add(xml: string): void {
    this.pending.push(xml);
    this.pendingChars += xml.length;
    if (this.pendingChars >= CHUNK_CHARS) this.flush();
  }

  /** Everything added, as one UTF-8 buffer. */
  bytes(): Buffer {
    this.flush();
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.chunks.push(Buffer.from(this.pending.join(""), "utf8"));
    this.pending = [];
    this.pendingChars = 0;
  }
}
