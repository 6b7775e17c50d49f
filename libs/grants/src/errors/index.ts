export * from './notice-errors';
export * from './disbursement-errors';
export * from './revocation-errors';
export * from './proof-of-use-errors';
