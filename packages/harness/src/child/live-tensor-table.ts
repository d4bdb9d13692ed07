// The live tensors an origin tracker knows, by engine tensor id: origin id, bytes and generation of each.
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
  generation: number;
}

export type LiveTensorVisitor = (origin: number, bytes: number, generation: number) => void;

export class LiveTensorTable {
  // Float64 for ids and bytes: both can pass 2^31 in a long run or for a large tensor.
  private readonly idAt = new Float64Array(RING_SLOTS).fill(EMPTY);
  private readonly originAt = new Int32Array(RING_SLOTS);
  private readonly bytesAt = new Float64Array(RING_SLOTS);
  private readonly generationAt = new Int32Array(RING_SLOTS);
  private readonly longLived = new Map<number, LongLived>();
  /** The tensor removed last (EMPTY: none, or it was not in the table) and, when it was long-lived, its record. */
  private removedId = EMPTY;
  private removedLongLived: LongLived | null = null;

  add(id: number, origin: number, bytes: number, generation: number): void {
    const slot = id & RING_MASK;
    const held = this.idAt[slot]!;
    if (held !== EMPTY && held !== id) {
      // The slot is taken: the older of the two tensors moves out of the ring.
      if (held > id) {
        this.longLived.set(id, { origin, bytes, generation });
        return;
      }
      this.longLived.set(held, { origin: this.originAt[slot]!, bytes: this.bytesAt[slot]!, generation: this.generationAt[slot]! });
    }
    this.idAt[slot] = id;
    this.originAt[slot] = origin;
    this.bytesAt[slot] = bytes;
    this.generationAt[slot] = generation;
  }

  /**
   * Forgets the tensor (nothing happens when it is not in the table). Its record stays at hand until the next
   * removal, for `restore`.
   */
  remove(id: number): void {
    const slot = id & RING_MASK;
    if (this.idAt[slot] === id) {
      this.idAt[slot] = EMPTY;
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
      this.add(id, record.origin, record.bytes, record.generation);
      return true;
    }
    // Its ring slot still holds the record: nothing was added in between, or it would have been this id.
    const slot = id & RING_MASK;
    this.add(id, this.originAt[slot]!, this.bytesAt[slot]!, this.generationAt[slot]!);
    return true;
  }

  /** Every live tensor. */
  forEach(visit: LiveTensorVisitor): void {
    for (let slot = 0; slot < RING_SLOTS; slot++) {
      if (this.idAt[slot] !== EMPTY) visit(this.originAt[slot]!, this.bytesAt[slot]!, this.generationAt[slot]!);
    }
    for (const record of this.longLived.values()) visit(record.origin, record.bytes, record.generation);
  }
}
