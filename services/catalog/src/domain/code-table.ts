const EMPTY = 0;
const REMOVED = -1;

/** FNV-1a over the code's UTF-16 units: spreads similar SKUs across the table. */
function hashOf(code: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) hash = Math.imul(hash ^ code.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** Whether `code` is one of the `\0`-joined `codes`. */
function holds(codes: string, code: string): boolean {
  for (let at = codes.indexOf(code); at !== -1; at = codes.indexOf(code, at + 1)) {
    const end = at + code.length;
    if ((at === 0 || codes.charCodeAt(at - 1) === 0) && (end === codes.length || codes.charCodeAt(end) === 0)) return true;
  }
  return false;
}

/**
 * Which products hold a code (a variant's SKU or barcode). Each product's codes are one joined string;
 * the codes are found through an open-addressing table of their hashes in typed arrays, each hit
 * checked against its product's string: millions of variants cost the collector one string a product.
 */
export class CodeTable {
  private numberOf = new Map<string, number>();
  private idAt: string[] = [];
  private codesAt: string[] = [];
  private freeNumbers: number[] = [];
  private hashes = new Int32Array(1024);
  /** Per table place: the product's number plus one, `EMPTY`, or `REMOVED` (a place probes continue past). */
  private owners = new Int32Array(1024);
  private used = 0;

  /** Products holding `code`: one, unless a code moved between products and only one change is applied yet. */
  productsWith(code: string): string[] {
    const found: string[] = [];
    const hash = hashOf(code);
    const mask = this.owners.length - 1;
    for (let at = hash & mask; this.owners[at] !== EMPTY; at = (at + 1) & mask) {
      const owner = (this.owners[at] as number) - 1;
      if (owner >= 0 && this.hashes[at] === hash && holds(this.codesAt[owner] as string, code)) found.push(this.idAt[owner] as string);
    }
    return found;
  }

  /** Replaces the product's codes (none: it is forgotten). */
  set(id: string, codes: string[]): void {
    let number = this.numberOf.get(id);
    if (number !== undefined) {
      for (const code of (this.codesAt[number] as string).split('\0')) this.unplace(hashOf(code), number);
    }
    if (codes.length === 0) {
      if (number !== undefined) {
        this.numberOf.delete(id);
        this.codesAt[number] = '';
        this.idAt[number] = '';
        this.freeNumbers.push(number);
      }
      return;
    }
    if (number === undefined) {
      number = this.freeNumbers.pop() ?? this.idAt.length;
      this.numberOf.set(id, number);
    }
    this.idAt[number] = id;
    this.codesAt[number] = codes.join('\0');
    if ((this.used + codes.length) * 2 > this.owners.length) this.rebuild();
    else for (const code of codes) this.place(hashOf(code), number);
  }

  private place(hash: number, number: number): void {
    const mask = this.owners.length - 1;
    let at = hash & mask;
    while ((this.owners[at] as number) > 0) at = (at + 1) & mask;
    if (this.owners[at] === EMPTY) this.used++;
    this.hashes[at] = hash;
    this.owners[at] = number + 1;
  }

  private unplace(hash: number, number: number): void {
    const mask = this.owners.length - 1;
    for (let at = hash & mask; this.owners[at] !== EMPTY; at = (at + 1) & mask) {
      if (this.owners[at] === number + 1 && this.hashes[at] === hash) {
        this.owners[at] = REMOVED;
        return;
      }
    }
  }

  /** Places every product's codes again in a table at most a quarter full, dropping the removed marks. */
  private rebuild(): void {
    let live = 0;
    for (const number of this.numberOf.values()) live += (this.codesAt[number] as string).split('\0').length;
    let size = 1024;
    while (size < 4 * live) size *= 2;
    this.hashes = new Int32Array(size);
    this.owners = new Int32Array(size);
    this.used = 0;
    for (const number of this.numberOf.values()) {
      for (const code of (this.codesAt[number] as string).split('\0')) this.place(hashOf(code), number);
    }
  }
}
