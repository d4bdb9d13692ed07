// The live tensors an origin tracker knows, by engine tensor id: origin id, bytes and whether it counts (made
// during training), with the count and bytes of the live tensors that count kept per origin as they come and
// go, so an epoch end reads them without walking the table.
// It runs twice per tensor (made, disposed), tens of thousands of times an epoch, so it allocates nothing
// per tensor and hashes nothing for the common case: most tensors die a few hundred ids after they are made
// (a step's activations and gradients), so a ring of typed arrays indexed by the low bits of the id holds
// them. A tensor still alive when the ring comes round to its slot again (weights, optimizer state, the
// data a pipeline keeps, a leak) moves to a Map, once, where it stays until it is disposed.

/** Slots in the ring: a tensor moves to the Map only once this many newer tensors were made while it lived. */
const RING_SLOTS = 1 << 14;
const RING_MASK = RING_SLOTS - 1;
const EMPTY = -1;

interface LongLived {
  origin: number;
  bytes: number;
  counted: boolean;
}

/** The live tensors that count, of one origin. */
export interface OriginLive {
  origin: number;
  count: number;
  bytes: number;
}

export class LiveTensorTable {
  // Float64 for ids and bytes: both can pass 2^31 in a long run or for a large tensor.
  private readonly idAt = new Float64Array(RING_SLOTS).fill(EMPTY);
  private readonly originAt = new Int32Array(RING_SLOTS);
  private readonly bytesAt = new Float64Array(RING_SLOTS);
  /** 1: the tensor counts in its origin's tallies. */
  private readonly countedAt = new Uint8Array(RING_SLOTS);
  private readonly longLived = new Map<number, LongLived>();
  /** The tensor removed last (EMPTY: none, or it was not in the table) and, when it was long-lived, its record. */
  private removedId = EMPTY;
  private removedLongLived: LongLived | null = null;
  // Per origin id: live tensors that count, and their bytes.
  private countOf = new Float64Array(64);
  private bytesOf = new Float64Array(64);

  add(id: number, origin: number, bytes: number, counted: boolean): void {
    if (counted) this.tally(origin, 1, bytes);
    const slot = id & RING_MASK;
    const held = this.idAt[slot]!;
    if (held === id) {
      // The same handle registered again without a disposal in between: the new record replaces the old.
      if (this.countedAt[slot] === 1) this.tally(this.originAt[slot]!, -1, -this.bytesAt[slot]!);
    } else if (held !== EMPTY) {
      // The slot is taken: the older of the two tensors moves out of the ring.
      if (held > id) {
        this.longLived.set(id, { origin, bytes, counted });
        return;
      }
      this.longLived.set(held, { origin: this.originAt[slot]!, bytes: this.bytesAt[slot]!, counted: this.countedAt[slot] === 1 });
    }
    this.idAt[slot] = id;
    this.originAt[slot] = origin;
    this.bytesAt[slot] = bytes;
    this.countedAt[slot] = counted ? 1 : 0;
  }

  /** The live tensors that count, by origin (origins with none left out). */
  liveByOrigin(): OriginLive[] {
    const found: OriginLive[] = [];
    for (let origin = 0; origin < this.countOf.length; origin++) {
      const count = this.countOf[origin]!;
      if (count > 0) found.push({ origin, count, bytes: this.bytesOf[origin]! });
    }
    return found;
  }

  private tally(origin: number, count: number, bytes: number): void {
    if (origin >= this.countOf.length) {
      const size = Math.max(origin + 1, this.countOf.length * 2);
      const counts = new Float64Array(size);
      const byteSums = new Float64Array(size);
      counts.set(this.countOf);
      byteSums.set(this.bytesOf);
      this.countOf = counts;
      this.bytesOf = byteSums;
    }
    this.countOf[origin]! += count;
    this.bytesOf[origin]! += bytes;
  }

  /**
   * Forgets the tensor (nothing happens when it is not in the table). Its record stays at hand until the next
   * removal, for `restore`.
   */
  remove(id: number): void {
    const slot = id & RING_MASK;
    if (this.idAt[slot] === id) {
      this.idAt[slot] = EMPTY;
      if (this.countedAt[slot] === 1) this.tally(this.originAt[slot]!, -1, -this.bytesAt[slot]!);
      this.removedId = id;
      this.removedLongLived = null;
      return;
    }
    const record = this.longLived.get(id);
    if (record === undefined) {
      this.removedId = EMPTY;
      return;
    }
    this.longLived.delete(id);
    if (record.counted) this.tally(record.origin, -1, -record.bytes);
    this.removedId = id;
    this.removedLongLived = record;
  }

  /**
   * Puts back the tensor removed last when it is `id`, with its record as it was; false otherwise. Only a
   * variable's handle comes back under the same id (an assign disposes it and registers it again at once).
   */
  restore(id: number): boolean {
    if (id !== this.removedId) return false;
    this.removedId = EMPTY;
    const record = this.removedLongLived;
    if (record !== null) {
      this.removedLongLived = null;
      this.add(id, record.origin, record.bytes, record.counted);
      return true;
    }
    // Its ring slot still holds the record: nothing was added in between, or it would have been this id.
    const slot = id & RING_MASK;
    this.add(id, this.originAt[slot]!, this.bytesAt[slot]!, this.countedAt[slot] === 1);
    return true;
  }
}
