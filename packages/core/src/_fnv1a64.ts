/**
 * FNV-1a 64 (Fowler, Noll, Vo) over UTF-16 code units, kept as two 32-bit halves so long inputs (a groups
 * plan's ten million counts) hash without BigInt. Multiplying by the prime 2^40 + 0x1b3 is
 * lo·0x1b3 + 2^32·(hi·0x1b3 + carry + lo·2^8), every product exact in a double.
 */
export class Fnv1a64 {
  private hi = 0xcbf29ce4;
  private lo = 0x84222325;

  /** Feeds the code units of `text`. */
  update(text: string): this {
    let { hi, lo } = this;
    for (let i = 0; i < text.length; i++) {
      lo = (lo ^ text.charCodeAt(i)) >>> 0;
      const low = lo * 0x1b3;
      const carry = Math.floor(low / 0x1_0000_0000);
      hi = (hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
      lo = low >>> 0;
    }
    this.hi = hi;
    this.lo = lo;
    return this;
  }

  /** The hash as 16 hex digits. */
  hex(): string {
    return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
  }
}
