/** Each UTF-16 code unit's value as a hex digit, -1 for any other (a table of all 65,536: no range check per character). */
export const HEX_DIGIT = new Int8Array(65_536).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_DIGIT['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_DIGIT['0123456789ABCDEF'.charCodeAt(i)] = i;
}

/** 36 characters with hyphens at 8, 13, 18 and 23: the shape of a UUID written out, digits unchecked. */
export const hasUuidShape = (value: string) =>
  value.length === 36 && value.charCodeAt(8) === 45 && value.charCodeAt(13) === 45 && value.charCodeAt(18) === 45 && value.charCodeAt(23) === 45;

/** A UUID written out: 32 hex digits in either case, hyphens at 8, 13, 18 and 23. */
export function isUuidText(value: string): boolean {
  if (!hasUuidShape(value)) return false;
  let digits = 0;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) continue;
    digits |= HEX_DIGIT[value.charCodeAt(i)]!;
  }
  return digits >= 0;
}
