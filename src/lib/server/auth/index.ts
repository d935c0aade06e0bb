export * from './session.ts';
export * from './password.ts';
export * from './login.ts';
export * from './cookie.ts';
