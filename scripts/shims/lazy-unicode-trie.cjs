// Build-time stand-in for the `unicode-trie` package inside the PDF bundle. fontkit, linebreak
// and unicode-properties each unpack one or more compressed Unicode tables as they load (tens
// of milliseconds), for shaping and line breaking that dutykit's renderer does not use. This
// keeps the table packed until the first lookup, so a table nobody reads costs nothing.
const UnicodeTrie = require('unicode-trie/index.js');

module.exports = class LazyUnicodeTrie {
  constructor(data) {
    this.packed = data;
    this.trie = null;
  }
  get(codePoint) {
    if (!this.trie) this.trie = new UnicodeTrie(this.packed);
    return this.trie.get(codePoint);
  }
};
