// Rating colours and the text drawn on them. The framework chooses the fills; we choose
// black or white text by WCAG contrast, so "Amber" is dark on amber and "Red" white on red.
import type { ReportModel } from '../model.js';

const UNRATED_FILL = '#D9D9D9';

function luminance(hex: string): number {
  const n = Number.parseInt(hex.replace('#', ''), 16);
  const channel = (c: number) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Black or white, whichever reads better on `fill` (always at least 4.5:1). */
export function textOn(fill: string): string {
  return contrast(fill, '#000000') >= contrast(fill, '#FFFFFF') ? '#000000' : '#FFFFFF';
}

export interface Swatch {
  label: string;
  fill: string;
  text: string;
}

/** The fill and text colour for a rating id; unrated is grey. */
export function swatch(m: ReportModel, id: string, label: string): Swatch {
  const def = m.ratings.find((r) => r.id === id);
  const fill = def && /^#[0-9a-f]{6}$/i.test(def.colour) ? def.colour : UNRATED_FILL;
  return { label, fill, text: textOn(fill) };
}
