// Build-time stand-in for `@noble/ciphers/aes` inside the PDF bundle. pdfkit imports AES for
// encrypted PDFs, which dutykit never writes, and the module builds its lookup tables as it
// loads; this loads it only if a cipher is ever asked for.
let aes;
const load = () => (aes ??= require('@noble/ciphers/aes.js'));

exports.cbc = (...args) => load().cbc(...args);
exports.ecb = (...args) => load().ecb(...args);
