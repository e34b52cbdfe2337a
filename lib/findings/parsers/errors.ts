import type { FindingsFormat, SourceLocation } from "./types";

export function formatLocation(location: SourceLocation): string {
  return "line" in location ? `line ${location.line}` : location.jsonPath;
}

/** A file (or the part of it at `location`) the parser cannot read. The only error a parser throws on bad input. */
export class ParseRejection extends Error {
  readonly format: FindingsFormat | null;
  readonly location: SourceLocation;
  readonly reason: string;

  constructor(format: FindingsFormat | null, location: SourceLocation, reason: string) {
    super(`${formatLocation(location)}: ${reason}`);
    this.name = "ParseRejection";
    this.format = format;
    this.location = location;
    this.reason = reason;
  }
}

export function isParseRejection(error: unknown): error is ParseRejection {
  return error instanceof ParseRejection;
}
