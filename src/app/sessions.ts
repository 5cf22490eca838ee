// Uploaded trackers live here, in memory only: never written to disk, never reached by a path
// from the browser. A session ends when the page says so (it is closed), after two hours
// unused, or when the server stops; the oldest is let go when too many are open at once.
import { randomBytes } from "node:crypto";
import type { LoadResult } from "../ingest/load-tracker.js";
import type { MappingOverrides } from "../ingest/header.js";
import type { ChangeReport } from "../model/changes.js";

export interface Session {
  id: string;
  /** The file's name as the browser gave it (its last part only), for messages and file names. */
  file: string;
  bytes: Buffer;
  overrides: MappingOverrides;
  result: LoadResult;
  /** Last time's tracker compared with this one ("Compare with last time"), for the paper and the tracker. */
  changes?: ChangeReport;
  lastUsed: number;
}

const IDLE_MS = 2 * 60 * 60 * 1000;
const MAX_SESSIONS = 16;

export class Sessions {
  private readonly map = new Map<string, Session>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();

  create(file: string, bytes: Buffer, overrides: MappingOverrides, result: LoadResult): Session {
    while (this.map.size >= MAX_SESSIONS) {
      const oldest = [...this.map.values()].sort((a, b) => a.lastUsed - b.lastUsed)[0]!;
      this.map.delete(oldest.id);
    }
    const session: Session = { id: randomBytes(16).toString("hex"), file, bytes, overrides, result, lastUsed: Date.now() };
    this.map.set(session.id, session);
    return session;
  }

  get(id: unknown): Session | undefined {
    const session = typeof id === "string" ? this.map.get(id) : undefined;
    if (session) session.lastUsed = Date.now();
    return session;
  }

  end(id: unknown): void {
    if (typeof id === "string") this.map.delete(id);
  }

  clear(): void {
    this.map.clear();
    clearInterval(this.sweeper);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, s] of this.map) if (now - s.lastUsed > IDLE_MS) this.map.delete(id);
  }
}
