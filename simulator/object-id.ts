import type { Random } from "./random";

/** Mongo-style ObjectIds (24 hex: 4-byte seconds, 5-byte process id, 3-byte counter), like JumpCloud's ids. */
export type ObjectIdFactory = (timestampMs: number) => string;

const OBJECT_ID = /^[0-9a-f]{24}$/;

export function createObjectIdFactory(random: Random): ObjectIdFactory {
  const processId = random.hex(10);
  let counter = random.int(0x1000000);
  return (timestampMs) => {
    counter = (counter + 1) % 0x1000000;
    const seconds = Math.floor(timestampMs / 1000) >>> 0;
    return seconds.toString(16).padStart(8, "0") + processId + counter.toString(16).padStart(6, "0");
  };
}

export function isObjectId(value: string): boolean {
  return OBJECT_ID.test(value);
}
