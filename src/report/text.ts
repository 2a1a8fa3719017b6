// Text helpers shared by the renderers.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2025-03-12 → 12 March 2025, the way a board paper writes it. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * Control characters (ANSI escapes among them) and bidirectional overrides never reach
 * a terminal or a document raw; tabs become spaces, line ends become \n.
 */
export function clean(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x9b[0-9;?]*[ -/]*[@-~]/g, '')
    // Operating-system commands (a window title, a hyperlink's address) go whole; a link's text stays.
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, '')
    .replace(/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g, '');
}

/** Kebab-case slug for file names: "Ynys Môn County Council" → "ynys-mon-county-council". */
export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'assessment'
  );
}
