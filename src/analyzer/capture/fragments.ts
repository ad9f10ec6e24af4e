/**
 * IP fragment reassembly shared by IPv4 and IPv6. Fragments are copied (the chunk they came in is
 * gone by the time the last one arrives) and grouped by a key the caller builds (source,
 * destination, protocol, identification). Everything is bounded: sets older than a time window or
 * beyond a count or byte budget are dropped, and a reassembled packet never exceeds 65,535 bytes.
 */

/** Largest reassembled payload (the IP length fields are 16 bits). */
export const MAX_REASSEMBLED = 65535;
/** Incomplete sets older than this (capture time) are given up. */
const MAX_AGE_US = 30_000_000;
/** At most this many incomplete sets are kept; the oldest goes first. */
const MAX_SETS = 1000;
/** At most this many fragments per set (an attacker could send endless duplicates). */
const MAX_FRAGMENTS_PER_SET = 1024;
/** At most this many copied bytes per set. */
const MAX_BYTES_PER_SET = 2 * MAX_REASSEMBLED;
/** At most this many copied bytes across all sets. */
const MAX_TOTAL_BYTES = 32 * 1024 * 1024;

interface Fragment {
  offset: number;
  data: Uint8Array;
}

interface FragmentSet {
  firstTimeUs: number;
  fragments: Fragment[];
  bytes: number;
  /** Payload length, known once the last fragment (more-fragments clear) arrived; else -1. */
  total: number;
  /** Protocol of the reassembled payload (from the fragment at offset 0 for IPv6); else -1. */
  protocol: number;
}

/** A completed reassembly: the whole payload and the protocol it carries. */
export interface Reassembled {
  payload: Uint8Array;
  protocol: number;
}

/** True when the sorted fragments cover [0, total) without a hole. */
function covers(fragments: readonly Fragment[], total: number): boolean {
  let covered = 0;
  for (const fragment of fragments) {
    if (fragment.offset > covered) return false;
    covered = Math.max(covered, fragment.offset + fragment.data.length);
    if (covered >= total) return true;
  }
  return covered >= total;
}

/** Copies the sorted fragments into one payload of `total` bytes (later offsets win overlaps). */
function assemble(fragments: readonly Fragment[], total: number): Uint8Array {
  const payload = new Uint8Array(total);
  for (const fragment of fragments) {
    const room = total - fragment.offset;
    if (room <= 0) continue;
    const data = fragment.data.length > room ? fragment.data.subarray(0, room) : fragment.data;
    payload.set(data, fragment.offset);
  }
  return payload;
}

/** Bounded reassembly of fragmented IP payloads. */
export class FragmentReassembler {
  private readonly sets = new Map<string, FragmentSet>();
  private totalBytes = 0;
  /** Sets given up (timed out, evicted or malformed) so far. */
  dropped = 0;

  /**
   * Adds one fragment. `offset` is its byte offset in the payload, `more` the more-fragments flag,
   * `protocol` the carried protocol when this fragment knows it (else -1). Returns the whole
   * payload once every piece is there, else undefined.
   */
  add(
    key: string,
    offset: number,
    more: boolean,
    data: Uint8Array,
    protocol: number,
    timeUs: number,
  ): Reassembled | undefined {
    this.expire(timeUs);
    if (more && data.length === 0) return undefined;
    if (offset + data.length > MAX_REASSEMBLED) {
      this.drop(key);
      return undefined;
    }
    const set = this.setFor(key, timeUs);
    if (
      set.fragments.length >= MAX_FRAGMENTS_PER_SET ||
      set.bytes + data.length > MAX_BYTES_PER_SET
    ) {
      this.drop(key);
      return undefined;
    }
    set.fragments.push({ offset, data: data.slice() });
    set.bytes += data.length;
    this.totalBytes += data.length;
    if (protocol >= 0 && set.protocol < 0) set.protocol = protocol;
    if (!more && set.total < 0) set.total = offset + data.length;
    this.trimTotal();
    return this.complete(key, set);
  }

  /** Number of sets still waiting for pieces. */
  get pending(): number {
    return this.sets.size;
  }

  private setFor(key: string, timeUs: number): FragmentSet {
    let set = this.sets.get(key);
    if (set === undefined) {
      if (this.sets.size >= MAX_SETS) this.dropOldest();
      set = { firstTimeUs: timeUs, fragments: [], bytes: 0, total: -1, protocol: -1 };
      this.sets.set(key, set);
    }
    return set;
  }

  private complete(key: string, set: FragmentSet): Reassembled | undefined {
    if (set.total < 0 || set.protocol < 0) return undefined;
    set.fragments.sort((a, b) => a.offset - b.offset);
    if (!covers(set.fragments, set.total)) return undefined;
    this.remove(key, set);
    return { payload: assemble(set.fragments, set.total), protocol: set.protocol };
  }

  /** Gives up sets whose first fragment is older than the window (sets are in arrival order). */
  private expire(nowUs: number): void {
    for (const [key, set] of this.sets) {
      if (nowUs - set.firstTimeUs <= MAX_AGE_US) return;
      this.drop(key);
    }
  }

  private trimTotal(): void {
    while (this.totalBytes > MAX_TOTAL_BYTES && this.sets.size > 0) this.dropOldest();
  }

  private dropOldest(): void {
    const oldest = this.sets.keys().next();
    if (oldest.done !== true) this.drop(oldest.value);
  }

  private drop(key: string): void {
    const set = this.sets.get(key);
    if (set === undefined) return;
    this.remove(key, set);
    this.dropped++;
  }

  private remove(key: string, set: FragmentSet): void {
    this.sets.delete(key);
    this.totalBytes -= set.bytes;
  }
}
