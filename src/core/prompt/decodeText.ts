/** Bytes to text as an editor would open them: UTF-8 (a BOM dropped), or UTF-16 LE/BE with a BOM. Pure. */

export type DecodedText = { readonly text: string; readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' } | { readonly problem: string };

/** Decodes a text file's bytes, or says in a phrase why they are not text ("contains NUL bytes", "is not valid UTF-8"). */
export function decodeText(bytes: Uint8Array): DecodedText {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: utf16 };
    } catch {
      return { problem: `is not valid ${utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} text` };
    }
  }
  if (bytes.includes(0)) return { problem: 'looks like a binary file (it contains NUL bytes)' };
  try {
    // TextDecoder drops a leading UTF-8 BOM by default.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { problem: 'is not valid UTF-8 text' };
  }
}
