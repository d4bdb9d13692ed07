// Settings every package's vitest config starts from. CI is a 2-core machine running several packages'
// tests at once, so a test that trains a model for a second here can take twenty there. These are
// ceilings against hangs, not timings: no test asserts how fast anything is.
export const slowMachineTimeouts = { testTimeout: 120_000, hookTimeout: 120_000 } as const;
