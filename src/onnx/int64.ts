/**
 * Exact conversion between protobufjs' 64-bit integers (`Long` objects, or numbers) and the IR's `Int`
 * (a number when safe, a bigint otherwise).
 *
 * @example
 * toInt({ low: 0, high: 1, unsigned: false }); // 4294967296
 * toLongLike(2n ** 62n); // { low: 0, high: 1073741824, unsigned: false }
 */
import type { Int } from '../graph/types';

/** The shape of protobufjs' `Long` that we read and write (protobufjs accepts any object with low/high). */
export interface LongLike { low: number; high: number; unsigned?: boolean }

/**
 * A protobufjs int64/uint64 value (Long or number) as an exact `Int`. Missing values give 0.
 * @example toInt({ low: -1, high: -1 }); // -1
 */
export function toInt(v: number | LongLike | null | undefined): Int {
  if (v == null) return 0;
  if (typeof v === 'number') return v;
  if (v.high === 0 && v.low >= 0) return v.low; // fast path: small non-negative
  if (!v.unsigned && v.high === -1 && v.low < 0) return v.low; // small negative (low is signed)
  const u = (BigInt(v.high >>> 0) << 32n) | BigInt(v.low >>> 0);
  const b = v.unsigned ? u : BigInt.asIntN(64, u);
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

/**
 * A protobufjs int64 value as a plain number (for sizes, versions and dims, which are always small).
 * @example toNumber({ low: 224, high: 0 }); // 224
 */
export function toNumber(v: number | LongLike | null | undefined): number {
  return Number(toInt(v));
}

/**
 * An `Int` in the form protobufjs' writer accepts without losing precision.
 * @example toLongLike(-1n); // { low: -1, high: -1, unsigned: false }
 */
export function toLongLike(v: Int): number | LongLike {
  if (typeof v === 'number') return v;
  const u = BigInt.asUintN(64, v);
  return { low: Number(u & 0xffffffffn) | 0, high: Number(u >> 32n) | 0, unsigned: false };
}
