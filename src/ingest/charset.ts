// Bytes to text: BOM, then the Content-Type charset, then the document's own declaration
// (<meta charset>, <?xml encoding?>), then UTF-8. A declared UTF-8 that is not valid UTF-8 is
// read as windows-1252, the usual truth behind a wrong or missing charset on old news pages;
// valid non-ASCII UTF-8 labelled as a single-byte charset is read as UTF-8.

// Node's TextDecoder reads windows-1252 as Latin-1 (0x80–0x9F become control characters), so the
// 32 bytes where the two differ are mapped here. Undefined bytes keep their Latin-1 value.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const slice = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(slice, (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b)));
  }
  return out;
}

const WINDOWS_1252_LABELS = new Set([
  "windows-1252",
  "cp1252",
  "x-cp1252",
  "iso-8859-1",
  "iso8859-1",
  "latin1",
  "latin-1",
  "l1",
  "us-ascii",
  "ascii",
]);

export function charsetOf(contentType: string): string | undefined {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1]?.toLowerCase();
}

function declaredInDocument(head: string): string | undefined {
  return (
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1]
  )?.toLowerCase();
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeAs(bytes: Uint8Array, label: string): string | undefined {
  // Non-ASCII text that is valid UTF-8 is UTF-8 whatever the label says: windows-1252 text
  // almost never forms valid multi-byte sequences by chance.
  if (WINDOWS_1252_LABELS.has(label)) return (bytes.some((b) => b >= 0x80) && strictUtf8(bytes)) || decodeWindows1252(bytes);
  if (label === "utf-8") return strictUtf8(bytes);
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return undefined;
  }
}

/** The text of a response body; `charset` says which encoding was used. */
export function decodeBody(bytes: Uint8Array, contentType: string): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes), charset: "utf-8" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(bytes), charset: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(bytes), charset: "utf-16be" };
  const head = decodeWindows1252(bytes.subarray(0, 2048));
  for (const label of [charsetOf(contentType), declaredInDocument(head), "utf-8"]) {
    if (!label) continue;
    const text = decodeAs(bytes, label === "utf8" ? "utf-8" : label);
    if (text !== undefined) return { text, charset: WINDOWS_1252_LABELS.has(label) ? "windows-1252" : label };
  }
  return { text: decodeWindows1252(bytes), charset: "windows-1252" };
}
