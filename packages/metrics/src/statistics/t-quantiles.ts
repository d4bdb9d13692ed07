// One-sided 99% quantiles of Student's t by degrees of freedom, for "is this slope above zero".

// Tabulated to df 30; beyond it the normal quantile 2.326 is within 2% of t's.
const T99 = [
  Infinity,
  31.82,
  6.965,
  4.541,
  3.747,
  3.365,
  3.143,
  2.998,
  2.896,
  2.821,
  2.764,
  2.718,
  2.681,
  2.65,
  2.624,
  2.602,
  2.583,
  2.567,
  2.552,
  2.539,
  2.528,
  2.518,
  2.508,
  2.5,
  2.492,
  2.485,
  2.479,
  2.473,
  2.467,
  2.462,
  2.457,
];

/** The t a one-sided test at the 1% level needs; Infinity below one degree of freedom (nothing can pass). */
export function tCritical99(df: number): number {
  return df < 1 ? Infinity : (T99[Math.floor(df)] ?? 2.326);
}
