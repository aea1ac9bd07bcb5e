/**
 * The safetensors dtypes Vigil reads and writes, with the typed array that holds each one.
 * F16 and BF16 have no JS typed array in Node 20: their raw bit patterns travel as Uint16Array.
 */
export interface DtypeArrays {
  F64: Float64Array;
  F32: Float32Array;
  F16: Uint16Array;
  BF16: Uint16Array;
  I64: BigInt64Array;
  U64: BigUint64Array;
  I32: Int32Array;
  U32: Uint32Array;
  I16: Int16Array;
  U16: Uint16Array;
  I8: Int8Array;
  U8: Uint8Array;
  BOOL: Uint8Array;
}

export type SafetensorsDtype = keyof DtypeArrays;

/** One tensor: dtype, C-order shape and its elements. The union ties each dtype to its array type. */
export type SafetensorsTensor = {
  [D in SafetensorsDtype]: {
    readonly dtype: D;
    readonly shape: readonly number[];
    readonly data: DtypeArrays[D];
  };
}[SafetensorsDtype];

interface TypedArrayClass {
  readonly BYTES_PER_ELEMENT: number;
  new (buffer: ArrayBufferLike, byteOffset: number, length: number): DtypeArrays[SafetensorsDtype];
}

interface DtypeInfo {
  readonly array: TypedArrayClass;
  /**
   * Position in the reference Rust crate's `Dtype` enum, which is declared in increasing alignment
   * order; its writer lays tensors out by this rank, descending, then by name.
   */
  readonly rank: number;
}

export const DTYPES: Readonly<Record<SafetensorsDtype, DtypeInfo>> = {
  BOOL: { array: Uint8Array, rank: 0 },
  U8: { array: Uint8Array, rank: 1 },
  I8: { array: Int8Array, rank: 2 },
  I16: { array: Int16Array, rank: 3 },
  U16: { array: Uint16Array, rank: 4 },
  F16: { array: Uint16Array, rank: 5 },
  BF16: { array: Uint16Array, rank: 6 },
  I32: { array: Int32Array, rank: 7 },
  U32: { array: Uint32Array, rank: 8 },
  F32: { array: Float32Array, rank: 9 },
  F64: { array: Float64Array, rank: 10 },
  I64: { array: BigInt64Array, rank: 11 },
  U64: { array: BigUint64Array, rank: 12 },
};

export function isSafetensorsDtype(value: unknown): value is SafetensorsDtype {
  return typeof value === "string" && Object.hasOwn(DTYPES, value);
}

export function bytesPerElement(dtype: SafetensorsDtype): number {
  return DTYPES[dtype].array.BYTES_PER_ELEMENT;
}

/** Product of a shape's dimensions; [] is a scalar with one element. */
export function elementCount(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** The format is little-endian; typed-array views are only byte-compatible on a little-endian host. */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
