/** Decimal (SI) units, as "1 PB" is usually meant, and the binary ones BigQuery bills in. */
export const GB = 1e9;
export const TB = 1e12;
export const PB = 1e15;
export const TiB = 1024 ** 4;
export const PiB = 1024 ** 5;
