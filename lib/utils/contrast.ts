// WCAG 2.1 colour contrast for colours that come from data (the risk matrix's level colours, which an
// admin may change): the text drawn on such a colour is computed, never fixed in a class name.

/** The dark text colour used on light fills (Tailwind slate-900). */
export const DARK_TEXT = "#0f172a";
export const LIGHT_TEXT = "#ffffff";

function channels(hex: string): [number, number, number] {
  const h = /^#[0-9a-fA-F]{6}$/.test(hex) ? hex : "#808080";
  return [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of a #rrggbb colour (0 black … 1 white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex)
    .map((c) => c / 255)
    .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two colours (1 … 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Dark or white text, whichever contrasts more with `background`; pure black where neither reaches 4.5:1
 * (mid-tones such as #0078ff), so that any colour an admin picks gets text of at least 4.58:1.
 */
export function readableTextOn(background: string): string {
  const best = contrastRatio(DARK_TEXT, background) >= contrastRatio(LIGHT_TEXT, background) ? DARK_TEXT : LIGHT_TEXT;
  return contrastRatio(best, background) >= 4.5 ? best : "#000000";
}

/** `hex` laid over white at `alpha` (0 … 1), as an opaque #rrggbb: what a translucent fill looks like on a white page. */
export function tintOnWhite(hex: string, alpha: number): string {
  return (
    "#" +
    channels(hex)
      .map((c) => Math.round(c * alpha + 255 * (1 - alpha)))
      .map((c) => c.toString(16).padStart(2, "0"))
      .join("")
  );
}
