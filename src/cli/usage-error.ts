// A mistake in how the command was called: one line, the command's usage, exit 2.
export class UsageError extends Error {
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = "UsageError";
  }
}
