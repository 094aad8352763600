/** The browser-test harness in one import. */
export * from './browser';
export * from './gateways';
export * from './people';
export * from './suite';
