import { Readable } from "node:stream";
import { getManyValues, isMany, none } from "stream-chain/defs.js";
import { jsonParser } from "stream-json/parser.js";
import { ParseRejection } from "./errors";
import { EVIDENCE_MAX_CHARS, TAG_MAX_COUNT, TEXT_MAX_CHARS, type ByteSource, type EvidenceExcerpt, type FindingsFormat } from "./types";

export function toReadable(source: ByteSource): Readable {
  return source instanceof Readable ? source : Readable.from(source, { objectMode: false });
}

/** Longest JSONL line accepted; a longer one is rejected before it is buffered whole. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;

/**
 * The lines of a text stream, 1-based, without their line break (`\n`, `\r\n` or a lone `\r`, as `readline`
 * splits them; a UTF-8 byte order mark on line 1 is dropped). Splits the bytes with `Buffer.indexOf` and decodes
 * each line once; a line longer than MAX_LINE_BYTES is rejected at its line before it is held whole.
 */
export async function* readLines(source: ByteSource, format: FindingsFormat): AsyncGenerator<{ line: number; text: string }> {
  let line = 0;
  // the bytes of the line not yet ended, when it spans chunks
  let carried: Buffer[] = [];
  let carriedBytes = 0;
  // the previous chunk ended in \r: a \n at the start of the next one belongs to that break
  let afterCR = false;
  const text = (bytes: Buffer, start: number, end: number): string => {
    let value: string;
    if (carriedBytes > 0) {
      carried.push(bytes.subarray(start, end));
      value = Buffer.concat(carried).toString("utf8");
      carried = [];
      carriedBytes = 0;
    } else value = bytes.toString("utf8", start, end);
    line += 1;
    return line === 1 ? value.replace(/^\uFEFF/, "") : value;
  };
  const tooLong = () => new ParseRejection(format, { line: line + 1 }, `the line is longer than ${MAX_LINE_BYTES} bytes`);

  for await (const chunk of source) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    if (afterCR && bytes.length > 0) {
      if (bytes[0] === LF) from = 1;
      afterCR = false;
    }
    let lf = bytes.indexOf(LF, from);
    let cr = bytes.indexOf(CR, from);
    while (lf !== -1 || cr !== -1) {
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (carriedBytes + (end - from) > MAX_LINE_BYTES) throw tooLong();
      yield { line: line + 1, text: text(bytes, from, end) };
      if (end === cr) {
        if (end + 1 === bytes.length) {
          afterCR = true;
          from = bytes.length;
          break;
        }
        from = bytes[end + 1] === LF ? end + 2 : end + 1;
      } else from = end + 1;
      if (lf !== -1 && lf < from) lf = bytes.indexOf(LF, from);
      if (cr !== -1 && cr < from) cr = bytes.indexOf(CR, from);
    }
    if (from < bytes.length) {
      carriedBytes += bytes.length - from;
      if (carriedBytes > MAX_LINE_BYTES) throw tooLong();
      // a copy: the source may reuse its buffer for the next chunk
      carried.push(Buffer.from(bytes.subarray(from)));
    }
  }
  if (carriedBytes > 0) yield { line: line + 1, text: text(Buffer.alloc(0), 0, 0) };
}

export type JsonPath = (string | number)[];

export function jsonPathString(path: JsonPath): string {
  let out = "$";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : /^[A-Za-z_$][\w$-]*$/.test(part) ? `.${part}` : `[${JSON.stringify(part)}]`;
  return out;
}

/** What to do with the value at a path: build it whole, walk into it (objects and arrays), or pass over it. */
export type JsonSelection = "collect" | "descend" | "skip";

export type JsonEvent =
  | { type: "value"; path: JsonPath; value: unknown }
  | { type: "enter"; path: JsonPath; container: "object" | "array" }
  | { type: "exit"; path: JsonPath; container: "object" | "array"; size: number };

type Token = { name: string; value?: unknown };

/** Deepest nesting a JSON file may have (stream-json's own bound, which keeps its memory bounded too). */
const JSON_MAX_DEPTH = 256;
/** Longest single string or number, in UTF-16 code units. */
const JSON_MAX_VALUE_CHARS = 16 * 1024 * 1024;
/** Text is fed to the tokenizer in slices this long, so a syntax error is placed after every token before it. */
const SLICE_CHARS = 1024;

/** stream-json's tokenizer driven directly (its Node Duplex would drop tokens buffered before an error). */
async function* jsonTokens(source: ByteSource): AsyncGenerator<Token> {
  const tokenize = jsonParser({
    packKeys: true,
    packStrings: true,
    packNumbers: true,
    streamKeys: false,
    streamStrings: false,
    streamNumbers: false,
    maxDepth: JSON_MAX_DEPTH,
    maxPackedLength: JSON_MAX_VALUE_CHARS,
  });
  const decoder = new TextDecoder("utf-8");
  const emit = (output: unknown): Token[] => (output === none ? [] : isMany(output) ? (getManyValues(output) as Token[]) : [output as Token]);
  for await (const chunk of source) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    for (let i = 0; i < text.length; i += SLICE_CHARS) yield* emit(tokenize(text.slice(i, i + SLICE_CHARS)));
  }
  const rest = decoder.decode();
  if (rest) yield* emit(tokenize(rest));
  yield* emit(tokenize(none as never));
}
type Frame =
  | { kind: "walk"; container: "object" | "array"; path: JsonPath; key: string | null; index: number }
  | { kind: "skip"; depth: number }
  | { kind: "build"; stack: { container: unknown[] | Record<string, unknown>; key: string | null }[]; path: JsonPath };

/**
 * Streams one JSON document through stream-json's tokenizer and yields only what `select` asks for: a subtree
 * chosen with "collect" is assembled and yielded whole, so memory is bounded by the largest collected subtree.
 * A syntax error, a second document or trailing text is a `ParseRejection` at the JSON path reached.
 */
export async function* walkJson(source: ByteSource, format: FindingsFormat, select: (path: JsonPath) => JsonSelection): AsyncGenerator<JsonEvent> {
  const frames: Frame[] = [];
  let lastPath: JsonPath = [];
  let documents = 0;

  const nextPath = (): JsonPath => {
    const top = frames[frames.length - 1];
    if (!top || top.kind !== "walk") return [];
    return [...top.path, top.container === "array" ? top.index : (top.key ?? "")];
  };
  const scalar = (token: Token): unknown => {
    switch (token.name) {
      case "stringValue":
        return String(token.value);
      case "numberValue":
        return Number(token.value);
      case "trueValue":
        return true;
      case "falseValue":
        return false;
      default:
        return null;
    }
  };

  try {
    for await (const token of jsonTokens(source)) {
      const top = frames[frames.length - 1];
      if (top?.kind === "skip") {
        if (token.name === "startObject" || token.name === "startArray") top.depth += 1;
        else if (token.name === "endObject" || token.name === "endArray") {
          top.depth -= 1;
          if (top.depth === 0) {
            frames.pop();
            advance();
          }
        }
        continue;
      }
      if (top?.kind === "build") {
        const level = top.stack[top.stack.length - 1];
        if (token.name === "keyValue") {
          level.key = String(token.value);
          continue;
        }
        if (token.name === "endObject" || token.name === "endArray") {
          const done = top.stack.pop()!;
          if (top.stack.length === 0) {
            frames.pop();
            yield { type: "value", path: top.path, value: done.container };
            advance();
          } else place(top, done.container);
          continue;
        }
        if (token.name === "startObject" || token.name === "startArray") {
          const container = token.name === "startObject" ? Object.create(null) : [];
          place(top, container);
          top.stack.push({ container, key: null });
          continue;
        }
        place(top, scalar(token));
        continue;
      }
      if (top?.kind === "walk" && token.name === "keyValue") {
        top.key = String(token.value);
        lastPath = [...top.path, top.key];
        continue;
      }
      if (top?.kind === "walk" && (token.name === "endObject" || token.name === "endArray")) {
        frames.pop();
        yield { type: "exit", path: top.path, container: top.container, size: top.index };
        advance();
        continue;
      }
      // a value starts here
      if (!top) {
        documents += 1;
        if (documents > 1) throw new ParseRejection(format, { jsonPath: "$" }, "more than one JSON document");
      }
      const path = nextPath();
      lastPath = path;
      const selection = select(path);
      const isContainer = token.name === "startObject" || token.name === "startArray";
      if (!isContainer) {
        if (selection !== "skip") yield { type: "value", path, value: scalar(token) };
        advance();
        continue;
      }
      const container = token.name === "startObject" ? "object" : "array";
      if (selection === "skip") frames.push({ kind: "skip", depth: 1 });
      else if (selection === "collect")
        frames.push({ kind: "build", path, stack: [{ container: container === "object" ? Object.create(null) : [], key: null }] });
      else {
        frames.push({ kind: "walk", container, path, key: null, index: 0 });
        yield { type: "enter", path, container };
      }
    }
  } catch (error) {
    if (error instanceof ParseRejection) throw error;
    const reason = error instanceof Error ? error.message.replace(/^Parser /, "").slice(0, 200) : "unreadable JSON";
    throw new ParseRejection(format, { jsonPath: jsonPathString(lastPath) }, `invalid JSON (${reason})`);
  }
  if (documents === 0) throw new ParseRejection(format, { jsonPath: "$" }, "the file is empty");

  function advance() {
    const parent = frames[frames.length - 1];
    if (parent?.kind === "walk") parent.index += 1;
  }
  function place(frame: Extract<Frame, { kind: "build" }>, value: unknown) {
    const level = frame.stack[frame.stack.length - 1];
    if (Array.isArray(level.container)) level.container.push(value);
    else (level.container as Record<string, unknown>)[level.key ?? ""] = value;
  }
}

// --- small readers for loosely typed JSON -------------------------------------------------------------------

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function optString(value: unknown): string | null {
  if (typeof value === "string") return value.length > 0 ? value : null;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

export function optNumber(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
  return null;
}

export function capText(value: unknown, max = TEXT_MAX_CHARS): string | null {
  const text = optString(value);
  if (text === null) return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function stringTags(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const tags: string[] = [];
  for (const tag of value) {
    const text = capText(tag, 200);
    if (text !== null && !tags.includes(text)) tags.push(text);
    if (tags.length >= TAG_MAX_COUNT) break;
  }
  return tags;
}

function cut(text: string | null): { text: string | null; truncated: boolean } {
  if (text === null) return { text: null, truncated: false };
  return text.length > EVIDENCE_MAX_CHARS ? { text: text.slice(0, EVIDENCE_MAX_CHARS), truncated: true } : { text, truncated: false };
}

/** An evidence excerpt from prompt and output text, or null when both are empty. */
export function excerpt(prompt: string | null, output: string | null): EvidenceExcerpt | null {
  if (!prompt && !output) return null;
  const p = cut(prompt || null);
  const o = cut(output || null);
  return { prompt: p.text, output: o.text, truncated: p.truncated || o.truncated, possiblyHarmful: true };
}
