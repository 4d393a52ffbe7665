import { grown } from '../domain/grown.ts';

const CHUNK_BYTES = 8 * 2 ** 20;

/**
 * Each product's results-page item (UTF-8 JSON) at one revision, written into a few large shared
 * chunks with its place in typed arrays: a million products cost the collector a few dozen objects,
 * not a Buffer and a record each. A copy that grew moves to the end; the space it left is reclaimed by
 * rewriting every copy once the waste exceeds what is live.
 */
export class PageCopies {
  private entryOf = new Map<string, number>();
  private freeEntries: number[] = [];
  private revisions = new Float64Array(0);
  private chunkAt = new Int32Array(0);
  private offsets = new Int32Array(0);
  private lengths = new Int32Array(0);
  private capacities = new Int32Array(0);
  private chunks: Buffer[] = [];
  private filled = CHUNK_BYTES;
  private liveBytes = 0;
  private wastedBytes = 0;

  /** Products with a copy. */
  get size(): number {
    return this.entryOf.size;
  }

  /** The revision of the product's copy, else undefined. */
  revision(id: string): number | undefined {
    const entry = this.entryOf.get(id);
    return entry === undefined ? undefined : (this.revisions[entry] as number);
  }

  /** The product's copy when it is of exactly this revision. */
  get(id: string, revision: number): Buffer | undefined {
    const entry = this.entryOf.get(id);
    if (entry === undefined || this.revisions[entry] !== revision) return undefined;
    const offset = this.offsets[entry] as number;
    return (this.chunks[this.chunkAt[entry] as number] as Buffer).subarray(offset, offset + (this.lengths[entry] as number));
  }

  /** Keeps `text` as the product's copy at `revision`, in place when it fits where the last one was. */
  set(id: string, revision: number, text: string): void {
    const length = Buffer.byteLength(text);
    let entry = this.entryOf.get(id);
    if (entry !== undefined && length <= (this.capacities[entry] as number)) {
      this.liveBytes += length - (this.lengths[entry] as number);
    } else {
      if (entry === undefined) {
        entry = this.freeEntries.pop() ?? this.entryOf.size;
        this.ensureEntries(entry + 1);
        this.entryOf.set(id, entry);
      } else {
        this.liveBytes -= this.lengths[entry] as number;
        this.wastedBytes += this.capacities[entry] as number;
      }
      this.place(entry, length);
      this.liveBytes += length;
    }
    this.revisions[entry] = revision;
    this.lengths[entry] = length;
    (this.chunks[this.chunkAt[entry] as number] as Buffer).write(text, this.offsets[entry] as number);
    this.compactIfWasteful();
  }

  delete(id: string): void {
    const entry = this.entryOf.get(id);
    if (entry === undefined) return;
    this.entryOf.delete(id);
    this.freeEntries.push(entry);
    this.liveBytes -= this.lengths[entry] as number;
    this.wastedBytes += this.capacities[entry] as number;
    this.compactIfWasteful();
  }

  /** Reserves `length` bytes for an entry at the end of the newest chunk, opening a chunk when it is full. */
  private place(entry: number, length: number): void {
    if (this.filled + length > CHUNK_BYTES) {
      this.chunks.push(Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, length)));
      this.filled = 0;
    }
    this.chunkAt[entry] = this.chunks.length - 1;
    this.offsets[entry] = this.filled;
    this.capacities[entry] = length;
    this.filled += length;
  }

  private ensureEntries(size: number): void {
    this.revisions = grown(this.revisions, size);
    this.chunkAt = grown(this.chunkAt, size);
    this.offsets = grown(this.offsets, size);
    this.lengths = grown(this.lengths, size);
    this.capacities = grown(this.capacities, size);
  }

  private compactIfWasteful(): void {
    if (this.wastedBytes <= CHUNK_BYTES || this.wastedBytes <= this.liveBytes) return;
    const old = this.chunks;
    this.chunks = [];
    this.filled = CHUNK_BYTES;
    for (const entry of this.entryOf.values()) {
      const from = this.chunkAt[entry] as number;
      const offset = this.offsets[entry] as number;
      const length = this.lengths[entry] as number;
      this.place(entry, length);
      (old[from] as Buffer).copy(
        this.chunks[this.chunkAt[entry] as number] as Buffer,
        this.offsets[entry] as number,
        offset,
        offset + length,
      );
    }
    this.wastedBytes = 0;
  }
}
