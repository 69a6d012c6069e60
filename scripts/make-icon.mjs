// Writes media/icon.png (128×128): a rounded tile with three rising cost bars and a baseline.
// Dependency-free PNG encoder (node:zlib for the IDAT stream). Run: node scripts/make-icon.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const SIZE = 128;
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

const TILE = [0x1f, 0x4e, 0x79, 255];
const BAR = [0x7f, 0xd1, 0xb9, 255];
const ACCENT = [0xff, 0xc8, 0x57, 255];
const CLEAR = [0, 0, 0, 0];

/** Inside the tile with rounded corners of radius r. */
function inTile(x, y, r = 20) {
  const cx = Math.min(Math.max(x, r), SIZE - 1 - r);
  const cy = Math.min(Math.max(y, r), SIZE - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const bars = [
  { x0: 24, x1: 44, top: 76, color: BAR },
  { x0: 54, x1: 74, top: 56, color: BAR },
  { x0: 84, x1: 104, top: 30, color: ACCENT },
];

function pixel(x, y) {
  if (!inTile(x, y)) return CLEAR;
  if (y >= 100 && y < 104 && x >= 18 && x < 110) return BAR;
  for (const b of bars) if (x >= b.x0 && x < b.x1 && y >= b.top && y < 100) return b.color;
  return TILE;
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) raw.set(pixel(x, y), row + 1 + x * 4);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(path.join(root, 'media'), { recursive: true });
writeFileSync(path.join(root, 'media', 'icon.png'), png);
console.log(`wrote media/icon.png (${png.length} bytes)`);
