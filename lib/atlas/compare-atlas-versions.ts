/**
 * Orders ATLAS release versions ("4.9.1" < "5.6.0" < "5.10.0"): dot-separated parts compared as
 * numbers when both are numeric, else as text; a missing part counts as 0 ("5.6" = "5.6.0").
 * Returns a negative number, 0 or a positive number, like a sort comparator.
 */
export function compareAtlasVersions(a: string, b: string): number {
  const left = a.trim().split(".");
  const right = b.trim().split(".");
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i] ?? "0";
    const y = right[i] ?? "0";
    const bothNumeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    const order = bothNumeric ? Number(x) - Number(y) : x < y ? -1 : x > y ? 1 : 0;
    if (order !== 0) return Math.sign(order);
  }
  return 0;
}
