import { createReadStream } from "node:fs";
import { StringDecoder } from "node:string_decoder";

/** Field separators Vigil detects; " " stands for runs of spaces and tabs (C-MAPSS, SMD-like text). */
export type Delimiter = "," | ";" | "\t" | "|" | " ";

/** A slice of parsed records: fields per record and each record's 1-based starting line. */
export interface RecordBatch {
  readonly records: string[][];
  readonly lines: number[];
  /** Line of a quoted field left open at the end of the file, if any. */
  readonly unterminatedQuoteLine?: number;
  readonly bytesRead: number;
}

interface SplitState {
  readonly records: string[][];
  readonly lines: number[];
  /** Characters of `text` consumed (complete records only, unless at the end). */
  consumed: number;
  line: number;
  unterminatedQuoteLine?: number;
}

/**
 * Parses one quoted record (RFC 4180: `""` inside quotes is a quote; quoted fields may hold the
 * delimiter and newlines). Returns undefined when the record is not complete in `text` yet.
 */
function parseQuotedRecord(
  text: string,
  start: number,
  delimiter: string,
  atEnd: boolean,
): { fields: string[]; end: number; newlines: number } | undefined {
  const fields: string[] = [];
  let field = "";
  let i = start;
  let newlines = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return undefined;
        const piece = text.slice(i, q);
        for (let k = piece.indexOf("\n"); k >= 0; k = piece.indexOf("\n", k + 1)) newlines++;
        field += piece;
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
          continue;
        }
        if (q + 1 >= text.length && !atEnd) return undefined;
        i = q + 1;
        break;
      }
    }
    // Unquoted rest of the field (also text after a closing quote, kept as written).
    let stop = i;
    while (stop < text.length) {
      const ch = text[stop];
      if (ch === delimiter || ch === "\n") break;
      stop++;
    }
    if (stop >= text.length && !atEnd) return undefined;
    field += text.slice(i, stop);
    if (text[stop] === delimiter) {
      fields.push(field);
      field = "";
      i = stop + 1;
      continue;
    }
    fields.push(field.endsWith("\r") ? field.slice(0, -1) : field);
    return { fields, end: stop, newlines };
  }
}

const WHITESPACE = /[ \t]+/;

/** Splits `text` into records from position 0, leaving an incomplete last record for the next call. */
function splitRecords(text: string, delimiter: Delimiter, state: SplitState, atEnd: boolean): void {
  let pos = 0;
  while (pos < text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl < 0) {
      if (!atEnd) break;
      nl = text.length;
    }
    let line = text.slice(pos, nl);
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (delimiter !== " " && line.includes('"')) {
      const parsed = parseQuotedRecord(text, pos, delimiter, atEnd);
      if (parsed === undefined) {
        if (atEnd) state.unterminatedQuoteLine = state.line;
        break;
      }
      state.records.push(parsed.fields);
      state.lines.push(state.line);
      state.line += parsed.newlines + 1;
      pos = parsed.end + 1;
      continue;
    }
    if (delimiter === " ") {
      const trimmed = line.trim();
      if (trimmed !== "") {
        state.records.push(trimmed.split(WHITESPACE));
        state.lines.push(state.line);
      }
    } else if (line !== "") {
      state.records.push(line.split(delimiter));
      state.lines.push(state.line);
    }
    state.line++;
    pos = nl + 1;
  }
  state.consumed = Math.min(pos, text.length);
}

/** Parses records from an in-memory text (used to sniff a file's first bytes). */
export function parseRecords(text: string, delimiter: Delimiter, complete: boolean): RecordBatch {
  const state: SplitState = { records: [], lines: [], consumed: 0, line: 1 };
  splitRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, delimiter, state, complete);
  return { records: state.records, lines: state.lines, bytesRead: Buffer.byteLength(text) };
}

/**
 * Streams a delimited text file as batches of records, one batch per chunk read, so memory stays
 * bounded by the chunk size whatever the file size. Blank lines are skipped (but counted in line
 * numbers); a UTF-8 byte-order mark is dropped; CRLF and LF both end lines.
 */
export async function* streamRecords(
  path: string,
  delimiter: Delimiter,
  chunkBytes = 1 << 20,
): AsyncGenerator<RecordBatch> {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let line = 1;
  let bytesRead = 0;
  let first = true;
  const stream = createReadStream(path, { highWaterMark: chunkBytes });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytesRead += chunk.length;
    let text = pending + decoder.write(chunk);
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const state: SplitState = { records: [], lines: [], consumed: 0, line };
    splitRecords(text, delimiter, state, false);
    pending = text.slice(state.consumed);
    line = state.line;
    yield { records: state.records, lines: state.lines, bytesRead };
  }
  const text = pending + decoder.end();
  const state: SplitState = { records: [], lines: [], consumed: 0, line };
  splitRecords(text, delimiter, state, true);
  yield {
    records: state.records,
    lines: state.lines,
    bytesRead,
    ...(state.unterminatedQuoteLine === undefined
      ? {}
      : { unterminatedQuoteLine: state.unterminatedQuoteLine }),
  };
}
