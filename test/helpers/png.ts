// Small real PNG files for the picture tests: a 1×1 image, optionally padded with an ancillary
// chunk to reach an exact file size (to test size limits without rendering anything).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Chunk overhead: length, type and CRC. */
const CHUNK_OVERHEAD = 12;

/** A valid 1×1 RGB PNG; with `size`, padded to exactly that many bytes (at least ~80). */
export function pngBytes(size?: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0); // width
  header.writeUInt32BE(1, 4); // height
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const pixels = deflateSync(Buffer.from([0, 0x2e, 0x7d, 0x32])); // filter byte + one green pixel
  const head = Buffer.concat([SIGNATURE, chunk("IHDR", header), chunk("IDAT", pixels)]);
  const end = chunk("IEND", Buffer.alloc(0));
  const plain = Buffer.concat([head, end]);
  if (size === undefined) return plain;
  const padding = size - plain.length - CHUNK_OVERHEAD;
  if (padding < 0) throw new Error(`a PNG cannot be smaller than ${plain.length + CHUNK_OVERHEAD}`);
  // A private ancillary chunk ("prVt": lower-case first and second letters): decoders skip it.
  const filler = Buffer.alloc(padding, 0x61);
  return Buffer.concat([head, chunk("prVt", filler), end]);
}

/** Writes a PNG (see `pngBytes`) into `dir`; returns its path and bytes. */
export function writePng(
  dir: string,
  file: string,
  size?: number,
): { path: string; bytes: Buffer } {
  const bytes = pngBytes(size);
  const path = join(dir, file);
  writeFileSync(path, bytes);
  return { path, bytes };
}
