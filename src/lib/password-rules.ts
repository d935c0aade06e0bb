/** Password length rules (OWASP ASVS 5 §6.2: at least 8, allow long passphrases). */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
