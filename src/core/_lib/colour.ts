/**
 * Colours in the layout are ARGB hex ("FF9C0006"), the form SpreadsheetML
 * stores (`ST_UnsignedIntHex`): a "#9C0006" written into styles.xml reads as
 * black in Excel and LibreOffice and makes openpyxl refuse the file. The brand
 * makes the layout's colour fields accept only values made here, so a CSS-style
 * colour cannot reach a writer again.
 */
export type Argb = string & { readonly __brand: "Argb" };

/**
 * @example
 * argb("FF9C0006") // "FF9C0006"
 * argb("#9C0006")  // throws: colours are 8-digit ARGB
 */
export function argb(hex: string): Argb {
  if (!/^[0-9A-F]{8}$/.test(hex)) throw new Error(`Colour "${hex}" is not 8-digit upper-case ARGB hex (e.g. "FF9C0006").`);
  return hex as Argb;
}

/** "FF1F6FB2" → "#1F6FB2", the form Office.js and CSS take (alpha is always opaque in our layouts). */
export function rgbHex(colour: Argb): string {
  return `#${colour.slice(2)}`;
}
