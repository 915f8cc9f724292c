// Reading drawn charts in tests: the size a PNG declares, and how much ink a region holds.

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => png[i] === b)) throw new Error("not a PNG");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** A rectangle of an image, in pixels. */
export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Pixels in `region` of an RGBA image that are clearly darker than the white ground. */
export function inkIn(pixels: Uint8Array, imageWidth: number, region: Region): number {
  let ink = 0;
  for (let y = region.top; y < region.top + region.height; y++) {
    for (let x = region.left; x < region.left + region.width; x++) {
      const at = (y * imageWidth + x) * 4;
      const light = ((pixels[at] ?? 255) + (pixels[at + 1] ?? 255) + (pixels[at + 2] ?? 255)) / 3;
      if (light < 200) ink++;
    }
  }
  return ink;
}

/** Pixels that differ between two RGBA images of the same size, within `region`. */
export function differingIn(a: Uint8Array, b: Uint8Array, imageWidth: number, region: Region) {
  let differing = 0;
  for (let y = region.top; y < region.top + region.height; y++) {
    for (let x = region.left; x < region.left + region.width; x++) {
      const at = (y * imageWidth + x) * 4;
      if (Math.abs((a[at] ?? 0) - (b[at] ?? 0)) > 64) differing++;
    }
  }
  return differing;
}
