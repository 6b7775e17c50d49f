export * from './notice-errors';
export * from './disbursement-errors';
export * from './revocation-errors';
