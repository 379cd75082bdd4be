// The gzip member-start search (member-starts.ts) as 16 bytes a step with WebAssembly SIMD: a
// 188-byte module, written out here opcode by opcode so it can be read and checked, compiled
// once per worker. Copying a chunk into its memory and scanning it costs ≈ 0.1 ns a byte (Node
// 20: 90 MB in 8 ms, copy included), against ≈ 0.4 ns for the best JavaScript loop measured in
// Chromium 156 behind the decoder: that loop alone was ≈ 4 % of case (b) in bench/README.md.
// Where WebAssembly cannot compile (no SIMD, or a page CSP without 'wasm-unsafe-eval'),
// memberSearch() returns null and the JavaScript search runs instead. One instance per worker
// (or process); its memory grows to the largest chunk searched (256 KiB pieces in scanLayer)
// and stays.
//
// Spec: WebAssembly core 2.0 binary format, with the fixed-width SIMD instructions
// (https://webassembly.github.io/spec/core/binary/instructions.html#vector-instructions).

/** find(from, end): the first p in [from, end) with mem[p..p+3) = 1f 8b 08, or -1. Reads up to end + 17. */
export interface MemberSearch {
  readonly memory: WebAssembly.Memory;
  find(from: number, end: number): number;
}

const splat = (byte: number) => new Array<number>(16).fill(byte);

// (func (param $from i32) (param $end i32) (result i32) (local $i i32) (local $m i32)
const CODE = [
  0x01, 0x02, 0x7f, // locals: 2 × i32 ($i is local 2, $m local 3)
  0x20, 0x00, 0x21, 0x02, // i = from
  0x02, 0x40, // block $done
  0x03, 0x40, //   loop $next
  0x20, 0x02, 0x20, 0x01, 0x4f, 0x0d, 0x01, //     br_if $done (i >= end, unsigned)
  0x20, 0x02, 0xfd, 0x00, 0x00, 0x00, 0xfd, 0x0c, ...splat(0x1f), 0xfd, 0x23, //     i8x16.eq(v128.load(i), 1f×16)
  0x20, 0x02, 0xfd, 0x00, 0x00, 0x01, 0xfd, 0x0c, ...splat(0x8b), 0xfd, 0x23, //     i8x16.eq(v128.load(i + 1), 8b×16)
  0xfd, 0x4e, //     v128.and
  0x20, 0x02, 0xfd, 0x00, 0x00, 0x02, 0xfd, 0x0c, ...splat(0x08), 0xfd, 0x23, //     i8x16.eq(v128.load(i + 2), 08×16)
  0xfd, 0x4e, //     v128.and
  0xfd, 0x64, 0x22, 0x03, //     m = i8x16.bitmask(...)
  0x04, 0x40, //     if (m)
  0x20, 0x02, 0x20, 0x03, 0x68, 0x6a, 0x21, 0x02, //       i += ctz(m)
  0x20, 0x02, 0x41, 0x7f, 0x20, 0x02, 0x20, 0x01, 0x49, 0x1b, 0x0f, //       return i < end ? i : -1
  0x0b, //     end
  0x20, 0x02, 0x41, 0x10, 0x6a, 0x21, 0x02, //     i += 16
  0x0c, 0x00, //     br $next
  0x0b, 0x0b, //   end loop; end block
  0x41, 0x7f, // -1
  0x0b, // end func
];

function leb128(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

const section = (id: number, bytes: number[]) => [id, ...leb128(bytes.length), ...bytes];

/** The module: one function type, one function, one memory page (it grows), both exported. */
export const MODULE_BYTES = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  ...section(1, [0x01, 0x60, 0x02, 0x7f, 0x7f, 0x01, 0x7f]), // type: (i32, i32) -> i32
  ...section(3, [0x01, 0x00]), // function 0 has type 0
  ...section(5, [0x01, 0x00, 0x01]), // memory 0: min 1 page
  ...section(7, [0x02, 0x03, 0x6d, 0x65, 0x6d, 0x02, 0x00, 0x04, 0x66, 0x69, 0x6e, 0x64, 0x00, 0x00]), // export "mem", "find"
  ...section(10, [0x01, ...leb128(CODE.length), ...CODE]),
]);

let compiled: MemberSearch | null | undefined;

/** The compiled search, or null where WebAssembly SIMD cannot run; compiled on first use. */
export function memberSearch(): MemberSearch | null {
  if (compiled !== undefined) return compiled;
  try {
    // Synchronous: the module is tiny (browsers allow sync compiles under 4 KB everywhere).
    const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE_BYTES));
    const { mem, find } = instance.exports as { mem: WebAssembly.Memory; find: (from: number, end: number) => number };
    compiled = { memory: mem, find };
  } catch {
    compiled = null;
  }
  return compiled;
}
