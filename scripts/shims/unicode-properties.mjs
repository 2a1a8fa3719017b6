// Build-time stand-in for `unicode-properties` inside the PDF bundle. fontkit asks whether
// each glyph's character is a combining mark as it first loads the glyph, and answering
// unpacks the package's whole Unicode table (~20 ms). Nothing below U+0300 is a mark, which
// covers English and Welsh text; anything else is answered from the table as before.
import { isMark as markFromTable } from 'unicode-properties';

export * from 'unicode-properties';

export function isMark(codePoint) {
  return codePoint < 0x300 ? false : markFromTable(codePoint);
}
