/** Name and port the course's client hard-codes. (A module of its own, so that the Spanish catalogue can name them without loading the checks.) */
export const NTP_HOST = 'time.google.com';
export const NTP_PORT = 123;
